"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { TextField } from "@/components/ui/form/Field";
import type { EngineForm, Stored } from "./engine-form";
import { PemField } from "./PemField";

type Props = {
  stored: Stored;
  /** Editing an SSH engine: the host key's fingerprint recorded at the first connection. */
  hostKey?: string | null;
};

/** TLS certificates for TCP, a private key for SSH; nothing for a unix socket. Fields of the surrounding form. */
export function MaterialFields({ stored, hostKey }: Props) {
  const { register, control } = useFormContext<EngineForm>();
  const [kind, useTls] = useWatch({ control, name: ["kind", "useTls"] });
  if (kind === "tcp") {
    const keep = stored?.tls ? "Stored; leave empty to keep it." : "PEM text.";
    return (
      <fieldset className="space-y-3 rounded-md border border-line p-3">
        <legend className="px-1 text-sm font-medium text-fg">TLS</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("useTls")} />
          Verify the engine and authenticate with a client certificate (--tlsverify)
        </label>
        {useTls ? (
          <>
            <PemField name="ca" label="CA certificate" hint={`ca.pem. ${keep}`} />
            <PemField name="cert" label="Client certificate" hint={`cert.pem. ${keep}`} />
            <PemField name="key" label="Client key" hint={`key.pem, unencrypted. ${keep}`} />
          </>
        ) : (
          <p className="text-xs text-warn-fg">
            Without TLS anyone who can reach that port controls the engine (and the host): use it on a trusted network only.
          </p>
        )}
      </fieldset>
    );
  }
  if (kind === "ssh") {
    return (
      <fieldset className="space-y-3 rounded-md border border-line p-3">
        <legend className="px-1 text-sm font-medium text-fg">SSH</legend>
        <PemField
          name="privateKey"
          label="Private key"
          hint={`${stored?.ssh ? "Stored; leave empty to keep it. " : ""}The host runs \`docker system dial-stdio\`: the docker CLI must be on its PATH.`}
        />
        <TextField
          name="passphrase"
          label={
            <>
              Passphrase <span className="font-normal text-fg-subtle">(if the key has one)</span>
            </>
          }
          type="password"
          autoComplete="off"
        />
        {hostKey !== undefined && (
          <div className="text-xs text-fg-muted">
            <p>
              Host key recorded at the first connection: <span className="font-mono">{hostKey ?? "none yet"}</span>
            </p>
            <label className="mt-1 flex items-center gap-2">
              <input type="checkbox" {...register("trustNewHostKey")} />
              The host&apos;s key changed on purpose: trust the key it shows next
            </label>
          </div>
        )}
      </fieldset>
    );
  }
  return null;
}
