import { KeyRound } from "lucide-react";
import { OIDC_LOGIN_PATH } from "@/lib/api/auth-paths";

// A plain link, not a fetch: signing in at the provider is a full-page trip (the provider's own pages, then back
// to the callback), and a link works before the page's script has loaded.
const look = {
  primary: "bg-accent-strong text-on-accent hover:bg-accent",
  secondary: "bg-surface text-fg border border-line-strong hover:bg-surface-2",
};

export function SsoButton({ name, primary }: { name: string; primary: boolean }) {
  return (
    <a
      href={OIDC_LOGIN_PATH}
      className={`flex min-h-11 w-full items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium sm:min-h-0 sm:py-1.5 ${look[primary ? "primary" : "secondary"]}`}
    >
      <KeyRound aria-hidden className="size-4 shrink-0" />
      <span className="truncate">Sign in with {name}</span>
    </a>
  );
}
