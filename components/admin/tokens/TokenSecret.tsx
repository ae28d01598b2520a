"use client";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { SecretField } from "@/components/ui/SecretField";

/** The one showing of a new token's secret, with a copy button that works on plain-HTTP hosts too. */
export function TokenSecret({ secret, role, onDone }: { secret: string; role: string; onDone: () => void }) {
  return (
    <div className="space-y-4 text-sm">
      <Alert tone="warning" title="Copy this token now: you won't see it again.">
        <p>Voldeck keeps only a hash of it. If it gets lost, revoke it and create another. It acts as {role}.</p>
      </Alert>
      <SecretField label="API token" value={secret} noun="token" />
      <p className="text-fg-muted">
        Use it as <code className="rounded bg-surface-2 px-1">Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
