import type { ReactNode } from "react";
import { BrandMark } from "./BrandMark";

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-line bg-surface p-6 shadow-sm">
        <BrandMark />
        <h1 className="mt-5 text-xl font-semibold text-fg">{title}</h1>
        {intro && <div className="mt-1 text-sm text-fg-muted">{intro}</div>}
        <div className="mt-5">{children}</div>
      </div>
    </main>
  );
}
