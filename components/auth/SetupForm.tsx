"use client";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { MIN_PASSWORD_LENGTH } from "@/lib/api/auth-schemas";
import { AuthCard, inputClass } from "./AuthCard";
import { useAccountForm } from "./useAccountForm";

// Shown once, while no user exists: whoever completes it becomes the admin.
export function SetupForm() {
  const { hydrated, username, setUsername, password, setPassword, submit: setup } = useAccountForm("/api/auth/setup", "admin");
  const [confirm, setConfirm] = useState("");
  const [touched, setTouched] = useState(false);
  const problem =
    password.length < MIN_PASSWORD_LENGTH
      ? `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`
      : password !== confirm
        ? "The two passwords differ."
        : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!problem) setup.mutate();
  };
  return (
    <AuthCard title="Set up Voldeck" intro="Create the admin account. Whoever can sign in here can read and remove every volume on this engine's host.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <label className="block text-sm font-medium text-fg">
          Admin user name
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required className={inputClass} />
        </label>
        <label className="block text-sm font-medium text-fg">
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            required
            aria-describedby="setup-hint"
            className={inputClass}
          />
        </label>
        <label className="block text-sm font-medium text-fg">
          Repeat the password
          <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" required className={inputClass} />
        </label>
        <p id="setup-hint" className={`text-xs ${touched && problem ? "text-danger-fg" : "text-fg-muted"}`} role={touched && problem ? "alert" : undefined}>
          {touched && problem ? problem : `At least ${MIN_PASSWORD_LENGTH} characters.`}
        </p>
        {setup.error && <ErrorAlert error={setup.error} title="The admin was not created." />}
        <Button type="submit" variant="primary" className="w-full justify-center" disabled={!hydrated || setup.isPending}>
          {setup.isPending ? "Creating…" : "Create admin and sign in"}
        </Button>
      </form>
    </AuthCard>
  );
}
