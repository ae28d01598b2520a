"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type CSSProperties, type ReactNode } from "react";
import { Toaster } from "sonner";
import { TooltipProvider } from "@/components/ui/Tooltip";
import { isApiError } from "@/lib/api/error";
import { LOGIN_HREF } from "@/lib/routes";

/** A session that ended (logout elsewhere, password change, expiry) sends the browser to the sign-in page. */
function onError(error: unknown) {
  if (isApiError(error) && error.code === "unauthorized" && !window.location.pathname.startsWith(LOGIN_HREF)) {
    // A full load, not the router: the old session's cached queries and state must not outlive it.
    window.location.assign(LOGIN_HREF);
  }
}

// Toasts wear the console's tokens (app/globals.css), so they follow the light/dark theme with everything else.
const toastStyle = {
  "--normal-bg": "var(--vd-surface)",
  "--normal-text": "var(--vd-fg)",
  "--normal-border": "var(--vd-line-strong)",
  "--success-bg": "var(--vd-ok-soft)",
  "--success-text": "var(--vd-ok-fg)",
  "--success-border": "var(--vd-ok-line)",
  "--error-bg": "var(--vd-danger-soft)",
  "--error-text": "var(--vd-danger-fg)",
  "--error-border": "var(--vd-danger-line)",
} as CSSProperties;

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError }),
        mutationCache: new MutationCache({ onError }),
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            // Input errors and missing things do not get better by asking again. A down engine is
            // reported at once: the event stream refetches everything when it comes back.
            retry: (count, error) => count < 2 && !(isApiError(error) && (error.status < 500 || error.code === "engine_unreachable")),
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <TooltipProvider delayDuration={300}>{children}</TooltipProvider>
      <Toaster position="bottom-right" richColors closeButton style={toastStyle} />
    </QueryClientProvider>
  );
}
