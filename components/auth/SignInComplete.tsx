"use client";
import { LoaderCircle } from "lucide-react";
import { useEffect } from "react";
import { HOME_HREF } from "@/lib/routes";
import { AuthCard } from "./AuthCard";

// The single sign-on callback lands here instead of on the console itself. The session cookie is SameSite=Strict,
// and a browser does not send such a cookie on a navigation that began on another site (the provider's): the
// console would look signed out. A navigation this page starts is same-site, so the cookie goes with it.
export function SignInComplete() {
  useEffect(() => window.location.replace(HOME_HREF), []);
  return (
    <AuthCard title="Signing in…">
      <p className="flex items-center gap-2 text-sm text-fg-muted">
        <LoaderCircle aria-hidden className="size-4 animate-spin" />
        <a href={HOME_HREF} className="underline">
          Open the console
        </a>
        if nothing happens.
      </p>
    </AuthCard>
  );
}
