// Pure: the Engines dialog's fields → the API's bodies, and what is wrong with them. Unit-tested.
import { engineId } from "@/lib/api/engine-schemas";
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

/** Problems by field, in words; empty when the form can be sent. */
export function formProblems(f: EngineForm, stored: Stored, adding: boolean): Partial<Record<"id" | "url" | "tls" | "ssh", string>> {
  const problems: Partial<Record<"id" | "url" | "tls" | "ssh", string>> = {};
  if (adding) {
    const parsed = engineId.safeParse(f.id);
    if (!parsed.success) problems.id = parsed.error.issues[0]?.message ?? "Not a valid id.";
  }
  if (!f.url.trim()) problems.url = `Give the address, like ${URL_EXAMPLES[f.kind]}.`;
  else if (kindOf(f.url) !== f.kind) problems.url = `A ${KIND_LABELS[f.kind]} address looks like ${URL_EXAMPLES[f.kind]}.`;
  if (f.kind === "tcp" && f.useTls) {
    const given = [f.ca, f.cert, f.key].filter((v) => v.trim()).length;
    if (given > 0 && given < 3) problems.tls = "Give all three: the CA certificate, the client certificate and the client key.";
    else if (given === 0 && !stored?.tls) problems.tls = "Give the CA certificate, the client certificate and the client key (or untick TLS).";
  }
  if (f.kind === "ssh" && !f.privateKey.trim() && !stored?.ssh) problems.ssh = "Give the private key the engine's host accepts.";
  return problems;
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
