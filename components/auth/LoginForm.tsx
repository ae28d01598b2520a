"use client";
import { FormProvider } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/form/Field";
import { useZodForm } from "@/components/ui/form/useZodForm";
import { loginForm } from "./account-schemas";
import { AuthCard } from "./AuthCard";
import { SsoButton } from "./SsoButton";
import { useAccountSubmit } from "./useAccountSubmit";

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
  const { hydrated, submit: login } = useAccountSubmit("/api/auth/login");
  const form = useZodForm(loginForm, { defaultValues: { username: "", password: "" } });
  // A wrong pair names no field (the server does not say which part was wrong): it shows below the fields.
  const submit = form.handleSubmit((values) => login.mutate(values));
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField name="username" label="User name" autoComplete="username" autoFocus spellCheck={false} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" />
        {login.error && <ErrorAlert error={login.error} title="You are not signed in." />}
        <Button type="submit" variant="primary" className="w-full justify-center" disabled={!hydrated || login.isPending}>
          {login.isPending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </FormProvider>
  );
}
