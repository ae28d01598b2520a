import type { ReactNode } from "react";

export function AdminHeader({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-start gap-3">
      <div className="min-w-0 flex-1">
        <h1 id={id} className="text-2xl font-semibold tracking-tight text-fg">
          {title}
        </h1>
        {children && <p className="mt-1 max-w-3xl text-sm text-fg-muted">{children}</p>}
      </div>
      {actions && <div className="flex gap-2">{actions}</div>}
    </header>
  );
}
