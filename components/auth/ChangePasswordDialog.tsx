"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { inputClass, labelClass } from "@/components/ui/fields";
import { changeMyPasswordMutation } from "@/lib/api/admin-queries";
import { NewPasswordFields, passwordProblem } from "./account-fields";

/** The signed-in user's own password. The server signs out every other session and keeps this one. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const change = useMutation(changeMyPasswordMutation());
  const close = () => {
    setCurrent("");
    setPassword("");
    setConfirm("");
    setSubmitted(false);
    change.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!current || passwordProblem(password, confirm)) return;
    change.mutate({ currentPassword: current, newPassword: password });
  };

  return (
    <Dialog open={open} title="Change my password" onClose={close}>
      {change.isSuccess ? (
        <div className="space-y-4 text-sm">
          <Alert tone="success" title="Your password was changed.">
            <p>Every other session of yours was signed out; this one stays signed in.</p>
          </Alert>
          <div className="flex justify-end">
            <Button variant="primary" onClick={close}>
              Close
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <label className={labelClass}>
            Current password
            <input
              type="password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              autoComplete="current-password"
              autoFocus
              aria-invalid={submitted && !current}
              className={inputClass}
            />
          </label>
          <NewPasswordFields
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            showProblem={submitted}
            label="New password"
          />
          {change.error && <ErrorAlert error={change.error} title="The password was not changed." />}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={change.isPending}>
              {change.isPending ? "Changing…" : "Change password"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
