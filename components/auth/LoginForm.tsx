"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { apiFetch } from "@/lib/api/fetcher";
import { HOME_HREF } from "@/lib/routes";
import { AuthCard, inputClass } from "./AuthCard";
import { useHydrated } from "./useHydrated";

export function LoginForm() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation({
    mutationFn: () => apiFetch("/api/auth/login", { method: "POST", json: { username, password } }),
    onSuccess: () => {
      router.replace(HOME_HREF);
      router.refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <AuthCard title="Sign in">
      <form onSubmit={submit} className="space-y-4">
        <label className="block text-sm font-medium text-slate-800">
          User name
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required autoFocus className={inputClass} />
        </label>
        <label className="block text-sm font-medium text-slate-800">
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
