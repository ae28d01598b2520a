import type { ReactNode } from "react";

/** The title style of every page, so that no two pages differ in size or weight. */
export const PAGE_TITLE = "text-2xl font-semibold tracking-tight text-fg [overflow-wrap:anywhere]";

/** A page's title, an optional short description under it, and its main actions on the right (wrapping below on a phone). */
export function PageHeader({ id, title, actions, children }: { id?: string; title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-start gap-x-4 gap-y-2">
      <div className="min-w-0 flex-1 basis-64">
        <h1 id={id} className={PAGE_TITLE}>
          {title}
        </h1>
        {children && <p className="mt-1 max-w-3xl text-sm text-fg-muted">{children}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </header>
  );
}
