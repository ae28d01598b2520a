"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { NewPasswordFields, passwordProblem } from "@/components/auth/account-fields";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { updateUserMutation, type User } from "@/lib/api/admin-queries";

export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const qc = useQueryClient();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const update = useMutation(updateUserMutation(qc));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (passwordProblem(password, confirm)) return;
    update.mutate({ username: user.username, password }, { onSuccess: onClose });
  };
  return (
    <Dialog open title={`Reset the password of ${user.username}`} onClose={onClose}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <p className="text-sm text-fg-muted">
          {user.username} is signed out everywhere and signs in again with the new password. Tell them through a safe channel.
        </p>
        <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} showProblem={submitted} label="New password" />
        {update.error && <ErrorAlert error={update.error} title="The password was not changed." />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Set password"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
