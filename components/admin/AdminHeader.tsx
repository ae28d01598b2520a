import type { ReactNode } from "react";

export function AdminHeader({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-start gap-x-4 gap-y-2">
      <div className="min-w-0 flex-1 basis-64">
        <h1 id={id} className="text-xl font-semibold tracking-tight [overflow-wrap:anywhere] text-fg">
          {title}
        </h1>
        {children && <p className="mt-1 max-w-3xl text-sm text-fg-muted">{children}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </header>
  );
}
