// Request schemas of engine management (issue 6); shared by the server and the browser.
import { z } from "zod";
import { ENGINE_ID, normaliseEngineUrl } from "@/lib/docker/engine-config";

const pem = (what: string) =>
  z
    .string()
    .min(1, `Give the ${what}.`)
    .max(64 * 1024, `The ${what} is longer than 64 KiB.`);

export const tlsInput = z.strictObject({ ca: pem("CA certificate"), cert: pem("client certificate"), key: pem("client key") });
export const sshInput = z.strictObject({ privateKey: pem("SSH private key"), passphrase: z.string().max(1024).optional() });

export const engineId = z
  .string()
  .max(64, "An engine id has at most 64 characters.")
  .regex(ENGINE_ID, "An engine id has lower-case letters, digits, '_' or '-', starting with a letter or digit.");
export const engineName = z.string().trim().min(1, "Give the engine a name.").max(100);

/**
 * What an engine address from the console may not carry, beyond what DOCKER_HOST refuses: it is shown to every
 * viewer as the engine's `endpoint`, so a user name outside ssh:// (an HTTP credential) or a query or fragment
 * (a token) would be published. The answer never repeats the address.
 */
function consoleUrlProblem(url: string): string | null {
  if (url.startsWith("unix://")) return null;
  const u = new URL(url);
  if (u.username && u.protocol !== "ssh:") return "Only an ssh:// address names a user; credentials go in the TLS or SSH fields.";
  if (u.search || u.hash) return "An engine address has no query (?…) or fragment (#…).";
  if (u.pathname && u.pathname !== "/") return "An engine address has no path: tcp://host:port or ssh://user@host[:port].";
  return null;
}

export const engineUrl = z
  .string()
  .max(2048)
  .transform((value, ctx) => {
    try {
      const url = normaliseEngineUrl(value);
      const problem = consoleUrlProblem(url);
      if (!problem) return url;
      ctx.addIssue({ code: "custom", message: problem });
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `${(e as Error).message}: use unix:///path, tcp://host:port or ssh://user@host[:port].` });
    }
    return z.NEVER;
  });

export const createEngineBody = z.strictObject({
  id: engineId,
  name: engineName.optional(),
  url: engineUrl,
  tls: tlsInput.optional(),
  ssh: sshInput.optional(),
});

/** Omitted material is kept; `null` removes it. `trustNewHostKey`: forget the SSH host key recorded so far. */
export const updateEngineBody = z.strictObject({
  name: engineName.optional(),
  url: engineUrl.optional(),
  tls: tlsInput.nullable().optional(),
  ssh: sshInput.nullable().optional(),
  trustNewHostKey: z.boolean().optional(),
});

/** A draft to test before saving: the add form's body (id ignored), or the edit form's (stored material fills gaps). */
export const testEngineBody = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  url: engineUrl,
  tls: tlsInput.nullable().optional(),
  ssh: sshInput.nullable().optional(),
  /** The edit form accepts a new SSH host key: the recorded one is not checked (and stays until saved). */
  trustNewHostKey: z.boolean().optional(),
});

export type CreateEngineBody = z.input<typeof createEngineBody>;
export type UpdateEngineBody = z.input<typeof updateEngineBody>;
export type TestEngineBody = z.input<typeof testEngineBody>;
