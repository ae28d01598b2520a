"use client";
import type { FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { AuthCard, inputClass } from "./AuthCard";
import { useAccountForm } from "./useAccountForm";

export function LoginForm() {
  const { hydrated, username, setUsername, password, setPassword, submit: login } = useAccountForm("/api/auth/login");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <AuthCard title="Sign in">
      <form onSubmit={submit} className="space-y-4">
        <label className="block text-sm font-medium text-fg">
          User name
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required autoFocus className={inputClass} />
        </label>
        <label className="block text-sm font-medium text-fg">
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            className={inputClass}
          />
        </label>
        {login.error && <ErrorAlert error={login.error} title="You are not signed in." />}
        <Button type="submit" variant="primary" className="w-full justify-center" disabled={!hydrated || login.isPending}>
          {login.isPending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </AuthCard>
  );
}
