"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { RoleSelect } from "@/components/auth/account-fields";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { inputClass, labelClass } from "@/components/ui/fields";
import { createTokenMutation, type Role } from "@/lib/api/admin-queries";
import { expiresAtFor, type ExpiryChoice } from "./expiry";
import { ExpiryField } from "./ExpiryField";
import { TokenSecret } from "./TokenSecret";

/** Creates a token, then shows its secret — once: the server keeps only a hash. */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const hintId = useId();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [expiry, setExpiry] = useState<ExpiryChoice>("never");
  const [expiryDate, setExpiryDate] = useState("");
  const [expiryProblem, setExpiryProblem] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const create = useMutation(createTokenMutation(qc));
  const close = () => {
    setName("");
    setRole("viewer");
    setExpiry("never");
    setExpiryDate("");
    setExpiryProblem(null);
    setSubmitted(false);
    create.reset(); // forgets the secret
    onClose();
  };
  const nameProblem = submitted && !name.trim() ? "Give the token a name." : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const expiresAt = expiresAtFor(expiry, expiryDate, Date.now());
    setExpiryProblem(expiresAt === undefined ? "Pick a day from today on." : null);
    if (name.trim() && expiresAt !== undefined) create.mutate({ name: name.trim(), role, expiresAt });
  };

  return (
    <Dialog open={open} title={create.data ? `Token ${create.data.token.name} created` : "Create API token"} onClose={close}>
      {create.data ? (
        <TokenSecret secret={create.data.secret} role={create.data.token.role} onDone={close} />
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <div>
            <label className={labelClass}>
              Name
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={100}
                autoFocus
                placeholder="e.g. nightly backup script"
                aria-invalid={!!nameProblem}
                aria-describedby={hintId}
                className={inputClass}
              />
            </label>
            <p id={hintId} role={nameProblem ? "alert" : undefined} className={`mt-1 text-xs ${nameProblem ? "text-danger-fg" : "text-fg-muted"}`}>
              {nameProblem ?? "Say what uses it, so you know what breaks when you revoke it."}
            </p>
          </div>
          <RoleSelect value={role} onChange={setRole} />
          <ExpiryField
            choice={expiry}
            date={expiryDate}
            problem={expiryProblem}
            onChoice={(c) => (setExpiry(c), setExpiryProblem(null))}
            onDate={(d) => (setExpiryDate(d), setExpiryProblem(null))}
          />
          {create.error && <ErrorAlert error={create.error} title="The token was not created." />}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create token"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
