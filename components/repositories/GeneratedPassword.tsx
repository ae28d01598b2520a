"use client";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { SecretField } from "@/components/ui/SecretField";

/**
 * The one showing of a repository password the server generated. The console keeps it to run restic, but never
 * shows it again; without it nobody can read the snapshots if the console's data directory is lost.
 */
export function GeneratedPassword({ password, location, onDone }: { password: string; location: string; onDone: () => void }) {
  return (
    <div className="space-y-4 text-sm">
      <Alert tone="warning" title="Store this password now: without it the backups cannot be read.">
        <p>
          The repository is encrypted with it. The console keeps a copy to make and read snapshots, but shows it only this once: if this server or its data
          directory is lost, only this password opens the repository at <code className="[overflow-wrap:anywhere]">{location}</code> (with restic or the
          console).
        </p>
      </Alert>
      <SecretField label="Repository password" value={password} noun="password" />
      <p className="text-fg-muted">Keep it in a password manager or a safe place away from this server.</p>
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </div>
  );
}
