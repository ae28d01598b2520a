import type { ReactNode } from "react";

/** A titled white card; `flush` drops the inner padding so a table can reach the edges. */
export function Panel({
  title,
  actions,
  children,
  flush = false,
  className = "",
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  flush?: boolean;
  className?: string;
}) {
  return (
    <section className={`overflow-hidden rounded-lg border border-line bg-surface shadow-sm ${className}`}>
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
        <h2 className="text-sm font-semibold text-fg">{title}</h2>
        {actions}
      </div>
      <div className={flush ? "" : "px-4 py-3"}>{children}</div>
    </section>
  );
}
