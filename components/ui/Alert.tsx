import type { ReactNode } from "react";
import { isApiError } from "@/lib/api/error";

const tones = {
  error: "border-danger-line bg-danger-soft text-danger-fg",
  warning: "border-warn-line bg-warn-soft text-warn-fg",
  info: "border-accent-line bg-accent-soft text-accent-fg",
  success: "border-ok-line bg-ok-soft text-ok-fg",
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
