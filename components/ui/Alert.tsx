import { CircleAlert, CircleCheck, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { isApiError } from "@/lib/api/error";

const tones: Record<string, { box: string; icon: LucideIcon }> = {
  error: { box: "border-danger-line bg-danger-soft text-danger-fg", icon: CircleAlert },
  warning: { box: "border-warn-line bg-warn-soft text-warn-fg", icon: TriangleAlert },
  info: { box: "border-accent-line bg-accent-soft text-accent-fg", icon: Info },
  success: { box: "border-ok-line bg-ok-soft text-ok-fg", icon: CircleCheck },
};

export function Alert({ tone = "info", children, title }: { tone?: "error" | "warning" | "info" | "success"; children?: ReactNode; title?: string }) {
  const { box, icon: Icon } = tones[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`flex gap-2.5 rounded-md border px-3.5 py-2.5 text-sm ${box}`}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1 [overflow-wrap:anywhere]">
        {title && <p className="font-semibold">{title}</p>}
        {children}
      </div>
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
