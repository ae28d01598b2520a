// Pure: the Engines dialog's fields, their zod schema (the server's rules plus the form's own), and the API's
// bodies built from them. Unit-tested.
import { z } from "zod";
import { engineId, engineUrl, sshInput, tlsInput } from "@/lib/api/engine-schemas";
import type { CreateEngineBody, TestEngineBody, UpdateEngineBody } from "@/lib/api/engine-queries";
import type { EngineKind } from "@/lib/api/engine-types";

export type EngineForm = {
  id: string;
  name: string;
  kind: EngineKind;
  url: string;
  useTls: boolean;
  ca: string;
  cert: string;
  key: string;
  privateKey: string;
  passphrase: string;
  /** Editing an SSH engine: forget the recorded host key and trust the one the host shows next. */
  trustNewHostKey: boolean;
};

/** What is stored already (editing): an empty field keeps it. */
export type Stored = { tls: boolean; ssh: boolean } | null;

export const KIND_LABELS: Record<EngineKind, string> = { unix: "Unix socket", tcp: "TCP (with TLS)", ssh: "SSH" };
export const URL_EXAMPLES: Record<EngineKind, string> = {
  unix: "unix:///var/run/docker.sock",
  tcp: "tcp://192.168.1.20:2376",
  ssh: "ssh://deploy@192.168.1.20:22",
};

export const emptyForm = (): EngineForm => ({
  id: "",
  name: "",
  kind: "unix",
  url: "",
  useTls: true,
  ca: "",
  cert: "",
  key: "",
  privateKey: "",
  passphrase: "",
  trustNewHostKey: false,
});

export function kindOf(url: string): EngineKind {
  const u = url.trim().toLowerCase();
  if (u.startsWith("unix://") || u.startsWith("/")) return "unix";
  return u.startsWith("ssh://") ? "ssh" : "tcp";
}

const formFields = z.object({
  id: z.string(),
  name: z.string().max(100, "A name has at most 100 characters."),
  kind: z.enum(["unix", "tcp", "ssh"]),
  url: z.string(),
  useTls: z.boolean(),
  ca: z.string(),
  cert: z.string(),
  key: z.string(),
  privateKey: z.string(),
  passphrase: z.string(),
  trustNewHostKey: z.boolean(),
});

/** Each issue of a server schema's parse, onto the form field of its last path part (tls.ca → ca). */
function addIssues(ctx: z.RefinementCtx, result: z.ZodSafeParseResult<unknown>, field?: keyof EngineForm) {
  for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", path: [field ?? String(issue.path.at(-1))], message: issue.message });
}

/**
 * The dialog's schema: the server's own rules (lib/api/engine-schemas.ts: id, address, PEM material), checked on
 * the fields the admin fills, plus what only the form knows — the chosen kind of connection must match the
 * address, and material left empty is fine only when the engine has it stored already (editing).
 */
export function engineFormSchema(stored: Stored, adding: boolean) {
  return formFields.superRefine((f, ctx) => {
    if (adding) addIssues(ctx, engineId.safeParse(f.id), "id");
    if (!f.url.trim()) ctx.addIssue({ code: "custom", path: ["url"], message: `Give the address, like ${URL_EXAMPLES[f.kind]}.` });
    else if (kindOf(f.url) !== f.kind)
      ctx.addIssue({ code: "custom", path: ["url"], message: `A ${KIND_LABELS[f.kind]} address looks like ${URL_EXAMPLES[f.kind]}.` });
    else addIssues(ctx, engineUrl.safeParse(f.url.trim()), "url");
    if (f.kind === "tcp" && f.useTls && ([f.ca, f.cert, f.key].some((v) => v.trim()) || !stored?.tls)) {
      addIssues(ctx, tlsInput.safeParse({ ca: f.ca.trim() && f.ca, cert: f.cert.trim() && f.cert, key: f.key.trim() && f.key }));
    }
    if (f.kind === "ssh" && (f.privateKey.trim() || !stored?.ssh))
      addIssues(ctx, sshInput.safeParse({ privateKey: f.privateKey.trim() && f.privateKey, passphrase: f.passphrase }));
  });
}

/** The fields "Test connection" needs valid (it ignores id and name). */
export const TEST_FIELDS = ["url", "ca", "cert", "key", "privateKey", "passphrase"] as const;

/** A request path of the server's 400 answer (url, tls.ca, ssh.privateKey…) → the field that shows it. */
export function engineFieldOf(path: string): keyof EngineForm | undefined {
  const field = path.split(".").at(-1);
  return field && field in emptyForm() && !["kind", "useTls", "trustNewHostKey"].includes(field) ? (field as keyof EngineForm) : undefined;
}

/** TLS and SSH parts: given → sent; left empty → kept (editing) or none (adding); not wanted → null (removed). */
function material(f: EngineForm, adding: boolean): Pick<TestEngineBody, "tls" | "ssh"> {
  const keep = adding ? null : undefined;
  const tls = f.kind === "tcp" && f.useTls ? (f.ca.trim() ? { ca: f.ca, cert: f.cert, key: f.key } : keep) : f.kind === "tcp" ? null : undefined;
  const ssh = f.kind === "ssh" ? (f.privateKey.trim() ? { privateKey: f.privateKey, ...(f.passphrase ? { passphrase: f.passphrase } : {}) } : keep) : undefined;
  return { ...(tls !== undefined ? { tls } : {}), ...(ssh !== undefined ? { ssh } : {}) };
}

export function createBody(f: EngineForm): CreateEngineBody {
  const { tls, ssh } = material(f, true);
  return { id: f.id, url: f.url.trim(), ...(f.name.trim() ? { name: f.name.trim() } : {}), ...(tls ? { tls } : {}), ...(ssh ? { ssh } : {}) };
}

export function updateBody(f: EngineForm): UpdateEngineBody {
  const trust = f.kind === "ssh" && f.trustNewHostKey ? { trustNewHostKey: true } : {};
  return { url: f.url.trim(), ...(f.name.trim() ? { name: f.name.trim() } : {}), ...material(f, false), ...trust };
}

export function testBody(f: EngineForm, adding: boolean): TestEngineBody {
  const trust = !adding && f.kind === "ssh" && f.trustNewHostKey ? { trustNewHostKey: true } : {};
  return { url: f.url.trim(), ...material(f, adding), ...trust };
}
