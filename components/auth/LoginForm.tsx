"use client";
import type { FormEvent } from "react";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { AuthCard, inputClass } from "./AuthCard";
import { SsoButton } from "./SsoButton";
import { useAccountForm } from "./useAccountForm";

export type LoginMethods = {
  password: boolean;
  /** The identity provider's name when single sign-on is on. */
  oidcName: string | null;
  /** Why the last single sign-on did not work (OIDC_ERRORS), from the URL's ?error= code. */
  error: string | null;
};

export function LoginForm({ password, oidcName, error }: LoginMethods) {
  return (
    <AuthCard title="Sign in">
      <div className="space-y-4">
        {error && (
          <Alert tone="error" title="You are not signed in.">
            <p>{error}</p>
          </Alert>
        )}
        {oidcName !== null && <SsoButton name={oidcName} primary={!password} />}
        {oidcName !== null && password && (
          <p className="flex items-center gap-3 text-xs text-fg-subtle before:h-px before:flex-1 before:bg-line after:h-px after:flex-1 after:bg-line">
            or with a password
          </p>
        )}
        {password && <PasswordForm />}
        {!password && oidcName === null && <Alert tone="warning">No way of signing in is turned on; see VOLDECK_PASSWORD_LOGIN and VOLDECK_OIDC_*.</Alert>}
      </div>
    </AuthCard>
  );
}

function PasswordForm() {
  const { hydrated, username, setUsername, password, setPassword, submit: login } = useAccountForm("/api/auth/login");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="block text-sm font-medium text-fg">
        User name
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required autoFocus className={inputClass} />
      </label>
      <label className="block text-sm font-medium text-fg">
        Password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required className={inputClass} />
      </label>
      {login.error && <ErrorAlert error={login.error} title="You are not signed in." />}
      <Button type="submit" variant="primary" className="w-full justify-center" disabled={!hydrated || login.isPending}>
        {login.isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
