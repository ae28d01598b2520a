// Pure: what a failed restic run means, as one sentence for a person, from its exit and its stderr. restic's
// messages are meant for a terminal; the API answers with these instead (422 repository_error). Unit-tested.

export type ResticFailure = "wrong_password" | "missing" | "unreachable" | "locked" | "host_key" | "exists" | "killed" | "failed";

export type Outcome = { code: number | null; signal: string | null; stderr: string };

const UNREACHABLE =
  /connection refused|no such host|i\/o timeout|network is unreachable|no route to host|connection reset|dial tcp|TLS handshake|x509:|ssh: connect|Connection closed|unable to start the sftp session|Could not resolve hostname|Permission denied \(publickey|error talking HTTP to rclone|didn't find section in config file/i;

function lastFatal(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = (lines.filter((l) => l.startsWith("Fatal:")).at(-1) ?? lines.at(-1) ?? "no message").replace(/^Fatal:\s*/, "");
  // restore and dump only count their errors at the end ("There were 1 errors"): the first one says what broke.
  const first = /^There were \d+ errors$/.test(fatal) ? lines.find((l) => l.startsWith("ignoring error for ")) : undefined;
  return first ? `${fatal}, the first: ${first.slice("ignoring error for ".length)}` : fatal;
}

export function classify(o: Outcome): ResticFailure {
  const e = o.stderr;
  if (o.signal) return "killed";
  if (/wrong password or no key found/i.test(e)) return "wrong_password";
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/i.test(e)) return "host_key";
  if (/repository is already locked/i.test(e)) return "locked";
  if (/config file already exists|repository master key and config already initialized/i.test(e)) return "exists";
  if (UNREACHABLE.test(e)) return "unreachable";
  if (/unable to open config file|Is there a repository at the following location/i.test(e)) return "missing";
  return "failed";
}

/** A sentence naming the repository (its location, never a secret). */
export function describeFailure(o: Outcome, location: string): { kind: ResticFailure; message: string } {
  const kind = classify(o);
  const lock = /locked (?:exclusively )?by (PID \d+ on [^\s]+)/.exec(o.stderr)?.[1];
  const since = /lock was created at ([^(\n]+)/.exec(o.stderr)?.[1]?.trim();
  const messages: Record<ResticFailure, string> = {
    wrong_password: `The password does not open the repository at ${location}.`,
    missing: `There is no restic repository at ${location}.`,
    unreachable: `The repository at ${location} cannot be reached: ${lastFatal(o.stderr)}.`,
    locked: `The repository at ${location} is locked by another restic process${lock ? ` (${lock}${since ? `, since ${since}` : ""})` : ""}; try again when it is done, or, if that process is gone, remove its lock with "restic unlock".`,
    host_key: `The SSH host key of ${location} is not the one recorded when it was first connected; nothing was sent. If the server was reinstalled, remove and add the repository again.`,
    exists: `There is already a restic repository at ${location}.`,
    killed: `restic was stopped by ${o.signal} before it finished; nothing it was writing was kept.`,
    failed: `restic failed on ${location} (exit ${o.code}): ${lastFatal(o.stderr)}.`,
  };
  return { kind, message: messages[kind] };
}
