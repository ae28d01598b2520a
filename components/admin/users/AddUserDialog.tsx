"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { NewPasswordFields, passwordProblem, RoleSelect, usernameProblem } from "@/components/auth/account-fields";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { inputClass, labelClass } from "@/components/ui/fields";
import { createUserMutation, type Role } from "@/lib/api/admin-queries";

export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const hintId = useId();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const create = useMutation(createUserMutation(qc));

  const close = () => {
    setUsername("");
    setRole("viewer");
    setPassword("");
    setConfirm("");
    setSubmitted(false);
    create.reset();
    onClose();
  };
  const nameProblem = submitted ? usernameProblem(username) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (usernameProblem(username) || passwordProblem(password, confirm)) return;
    create.mutate({ username, password, role }, { onSuccess: close });
  };

  return (
    <Dialog open={open} title="Add user" onClose={close}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div>
          <label className={labelClass}>
            User name
            <input
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="off"
              autoFocus
              aria-invalid={!!nameProblem}
              aria-describedby={hintId}
              className={inputClass}
            />
          </label>
          <p id={hintId} role={nameProblem ? "alert" : undefined} className={`mt-1 text-xs ${nameProblem ? "text-danger-fg" : "text-fg-muted"}`}>
            {nameProblem ?? "Letters, digits and _.@- (up to 64), starting with a letter or digit."}
          </p>
        </div>
        <RoleSelect value={role} onChange={setRole} />
        <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} showProblem={submitted} />
        {create.error && <ErrorAlert error={create.error} title="The user was not added." />}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
