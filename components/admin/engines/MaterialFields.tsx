"use client";
import { inputClass, labelClass } from "@/components/ui/fields";
import type { EngineForm, Stored } from "./engine-form";
import { PemField } from "./PemField";

type Props = {
  form: EngineForm;
  set: (patch: Partial<EngineForm>) => void;
  stored: Stored;
  /** Editing an SSH engine: the host key's fingerprint recorded at the first connection. */
  hostKey?: string | null;
  problems: Partial<Record<"tls" | "ssh", string>>;
};

function Problem({ text }: { text?: string }) {
  return text ? (
    <p role="alert" className="text-xs text-danger-fg">
      {text}
    </p>
  ) : null;
}

/** TLS certificates for TCP, a private key for SSH; nothing for a unix socket. */
export function MaterialFields({ form, set, stored, hostKey, problems }: Props) {
  if (form.kind === "tcp") {
    const keep = stored?.tls ? "Stored; leave empty to keep it." : "PEM text.";
    return (
      <fieldset className="space-y-3 rounded-md border border-line p-3">
        <legend className="px-1 text-sm font-medium text-fg">TLS</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.useTls} onChange={(e) => set({ useTls: e.target.checked })} />
          Verify the engine and authenticate with a client certificate (--tlsverify)
        </label>
        {form.useTls ? (
          <>
            <PemField label="CA certificate" value={form.ca} onChange={(ca) => set({ ca })} hint={`ca.pem. ${keep}`} />
            <PemField label="Client certificate" value={form.cert} onChange={(cert) => set({ cert })} hint={`cert.pem. ${keep}`} />
            <PemField label="Client key" value={form.key} onChange={(key) => set({ key })} hint={`key.pem, unencrypted. ${keep}`} />
            <Problem text={problems.tls} />
          </>
        ) : (
          <p className="text-xs text-warn-fg">
            Without TLS anyone who can reach that port controls the engine (and the host): use it on a trusted network only.
          </p>
        )}
      </fieldset>
    );
  }
  if (form.kind === "ssh") {
    return (
      <fieldset className="space-y-3 rounded-md border border-line p-3">
        <legend className="px-1 text-sm font-medium text-fg">SSH</legend>
        <PemField
          label="Private key"
          value={form.privateKey}
          onChange={(privateKey) => set({ privateKey })}
          hint={`${stored?.ssh ? "Stored; leave empty to keep it. " : ""}The host runs \`docker system dial-stdio\`: the docker CLI must be on its PATH.`}
        />
        <label className={labelClass}>
          Passphrase <span className="font-normal text-fg-subtle">(if the key has one)</span>
          <input type="password" value={form.passphrase} onChange={(e) => set({ passphrase: e.target.value })} autoComplete="off" className={inputClass} />
        </label>
        <Problem text={problems.ssh} />
        {hostKey !== undefined && (
          <div className="text-xs text-fg-muted">
            <p>
              Host key recorded at the first connection: <span className="font-mono">{hostKey ?? "none yet"}</span>
            </p>
            <label className="mt-1 flex items-center gap-2">
              <input type="checkbox" checked={form.trustNewHostKey} onChange={(e) => set({ trustNewHostKey: e.target.checked })} />
              The host&apos;s key changed on purpose: trust the key it shows next
            </label>
          </div>
        )}
      </fieldset>
    );
  }
  return null;
}
