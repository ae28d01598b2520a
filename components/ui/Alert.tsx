import type { ReactNode } from "react";
import { isApiError } from "@/lib/api/error";

const tones = {
  error: "border-red-300 bg-red-50 text-red-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  info: "border-sky-300 bg-sky-50 text-sky-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
};

export function Alert({ tone = "info", children, title }: { tone?: keyof typeof tones; children?: ReactNode; title?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      {children}
    </div>
  );
}

/** An error from the API, in the words the server chose. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const message = isApiError(error) || error instanceof Error ? error.message : String(error);
  return (
    <Alert tone="error" title={title}>
      <p>{message}</p>
    </Alert>
  );
}
