"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isApiError } from "@/lib/api/error";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
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
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
