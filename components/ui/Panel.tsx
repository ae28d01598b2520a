import type { ReactNode } from "react";

/**
 * A titled card on the surface colour; `flush` drops the inner padding so a table can reach the edges (a DataTable
 * then takes `flush` too). A panel clips what it holds, so it is the scroll box of anything sticky inside it: a
 * DataTable's header sticks at the top of the panel, not below the console's header (`--vd-sticky-top`, 3.5rem,
 * which pushed the header down over the first row).
 */
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
    <section className={`min-w-0 overflow-hidden rounded-lg border border-line bg-surface shadow-sm [--vd-sticky-top:0px] ${className}`}>
      <div className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 gap-y-1.5 border-b border-line px-4 py-2">
        <h2 className="text-sm font-semibold text-fg">{title}</h2>
        {actions}
      </div>
      <div className={flush ? "" : "px-4 py-3"}>{children}</div>
    </section>
  );
}
