"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { Field, fieldInputClass, TextField } from "@/components/ui/form/Field";
import { KIND_META } from "./repo-kinds";
import { REPO_KINDS, type RepoFormValues } from "./repo-form";

/** The kind of repository: one radio per kind, with its icon, as a segmented row. */
export function KindPicker() {
  const { register } = useFormContext<RepoFormValues>();
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-fg">Kind</legend>
      <div className="flex flex-wrap gap-1.5">
        {REPO_KINDS.map((k) => {
          const { label, icon: Icon } = KIND_META[k];
          return (
            <label
              key={k}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-line-strong px-2.5 py-1 text-sm text-fg has-checked:border-accent has-checked:bg-accent-soft has-checked:text-accent-fg"
            >
              <input type="radio" value={k} {...register("kind")} className="size-3.5 accent-accent" />
              <Icon aria-hidden className="size-4" />
              {label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A multi-line secret (a private key, an rclone.conf): monospace, never spell-checked or filled in. */
function SecretTextArea({ name, label, hint, placeholder }: { name: keyof RepoFormValues; label: string; hint: string; placeholder: string }) {
  const { register } = useFormContext<RepoFormValues>();
  return (
    <Field name={name} label={label} hint={hint}>
      {(wiring) => (
        <textarea
          {...wiring}
          {...register(name)}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          placeholder={placeholder}
          className={`${fieldInputClass} font-mono text-xs`}
        />
      )}
    </Field>
  );
}

const grid = "grid gap-3 sm:grid-cols-2";

/** The location and the credentials the chosen kind needs. */
export function KindFields() {
  const kind = useWatch<RepoFormValues, "kind">({ name: "kind" });
  const { register } = useFormContext<RepoFormValues>();
  const meta = KIND_META[kind];
  return (
    <div className="space-y-3">
      <TextField name="location" label="Location" placeholder={meta.placeholder} hint={meta.hint} spellCheck={false} autoComplete="off" />
      {kind === "sftp" && (
        <SecretTextArea
          name="sftpKey"
          label="Private key"
          placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
          hint="Without a passphrase; its public key in the server user's authorized_keys. Stored with owner-only permissions, never shown again."
        />
      )}
      {kind === "s3" && (
        <div className={grid}>
          <TextField name="s3.accessKeyId" label="Access key id" autoComplete="off" spellCheck={false} />
          <TextField name="s3.secretAccessKey" label="Secret access key" type="password" autoComplete="new-password" />
          <TextField name="s3.region" label="Region" placeholder="us-east-1" hint="Empty: the service's default." />
          <label className="flex items-center gap-2 self-center text-sm text-fg">
            <input type="checkbox" {...register("s3.pathStyle")} className="size-4" /> Path-style URLs (MinIO and most self-hosted servers)
          </label>
        </div>
      )}
      {kind === "rest" && (
        <div className={grid}>
          <TextField name="rest.username" label="User name" autoComplete="off" hint="Empty when the server asks for none." />
          <TextField name="rest.password" label="Password" type="password" autoComplete="new-password" />
        </div>
      )}
      {kind === "rclone" && (
        <SecretTextArea
          name="rcloneConfig"
          label="rclone configuration"
          placeholder={"[remote]\ntype = …"}
          hint="The text of an rclone.conf defining the remote named in the location. Stored with owner-only permissions."
        />
      )}
    </div>
  );
}
