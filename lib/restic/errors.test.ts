import { describe, expect, it } from "vitest";
import { classify, describeFailure } from "./errors";

const out = (stderr: string, code: number | null = 1, signal: string | null = null) => ({ code, signal, stderr });

// The stderr texts are what restic 0.14 printed on this machine for each case.
describe("restic failures", () => {
  it("names a wrong password", () => {
    expect(describeFailure(out("Fatal: wrong password or no key found\n"), "/srv/r")).toEqual({
      kind: "wrong_password",
      message: "The password does not open the repository at /srv/r.",
    });
  });

  it("tells a missing repository from an unreachable one (both print 'Is there a repository')", () => {
    const missing = "Fatal: unable to open config file: stat /x/config: no such file or directory\nIs there a repository at the following location?\n/x\n";
    const refused =
      'Fatal: unable to open config file: client.Head: Head "http://127.0.0.1:1/config": dial tcp 127.0.0.1:1: connect: connection refused\nIs there a repository at the following location?\n';
    expect(classify(out(missing))).toBe("missing");
    expect(classify(out(refused))).toBe("unreachable");
    expect(describeFailure(out(refused), "rest").message).toContain("connection refused");
  });

  it("says who holds a lock and since when", () => {
    const stderr =
      "repo already locked, waiting up to 0s for the lock\nunable to create lock in backend: repository is already locked exclusively by PID 4242 on vm by root (UID 0, GID 0)\nlock was created at 2026-12-04 05:41:27 (1.6s ago)\nstorage ID 4d00aef4\n";
    const d = describeFailure(out(stderr), "/r");
    expect(d.kind).toBe("locked");
    expect(d.message).toContain("PID 4242 on vm");
    expect(d.message).toContain("2026-12-04 05:41:27");
  });

  it("reports a signal as a stop, whatever stderr says", () => {
    expect(classify(out("Fatal: wrong password or no key found", null, "SIGKILL"))).toBe("killed");
  });

  it("falls back to restic's last Fatal line", () => {
    expect(describeFailure(out("noise\nFatal: something odd\n", 1), "/r").message).toBe("restic failed on /r (exit 1): something odd.");
  });

  it("names the first file a restore could not write (restic 0.14 ends with only a count)", () => {
    const stderr =
      "restoring <Snapshot d84679cb of [/v] at 2026-12-04 by root@vm> to /t\nignoring error for /d/a: ciphertext verification failed\nFatal: There were 1 errors\n";
    expect(describeFailure(out(stderr), "/r").message).toBe(
      "restic failed on /r (exit 1): There were 1 errors, the first: /d/a: ciphertext verification failed.",
    );
  });
});
