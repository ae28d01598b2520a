"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { UserMenu } from "@/components/auth/UserMenu";
import { Alert } from "@/components/ui/Alert";
import { useEngineEvents } from "./useEngineEvents";

const sections = [
  { href: "volumes", label: "Volumes" },
  { href: "containers", label: "Containers & mounts" },
  { href: "services", label: "Services" },
];

const adminSections = [
  { href: "/admin/engines", label: "Engines" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/audit", label: "Audit" },
];

export function ConsoleShell({ engine, children }: { engine: string; children: ReactNode }) {
  const pathname = usePathname();
  const live = useEngineEvents(engine);
  const root = `/engines/${encodeURIComponent(engine)}`;
  const isAdmin = useCan("admin");
  const links = [
    ...sections.map((s) => ({ href: `${root}/${s.href}`, label: s.label })),
    // Backups are kept by the console, not by an engine (each records the engine it came from): one page for all.
    { href: "/backups", label: "Backups" },
    { href: "/schedules", label: "Schedules" },
    ...(isAdmin ? adminSections : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={`${root}/volumes`} className="text-lg font-bold tracking-tight text-sky-800">
            Voldeck
          </Link>
          <nav aria-label="Sections" className="flex gap-1">
            {links.map((s) => {
              const href = s.href;
              const current = pathname === href || pathname.startsWith(`${href}/`);
              return (
                <Link
                  key={s.href}
                  href={href}
                  aria-current={current ? "page" : undefined}
                  className={`rounded-md px-3 py-1.5 text-sm font-medium ${current ? "bg-sky-100 text-sky-900" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {s.label}
                </Link>
              );
            })}
          </nav>
          <p className="ml-auto flex items-center gap-2 text-sm text-slate-600">
            <span
              aria-hidden
              className={`h-2 w-2 rounded-full ${live.engineDown ? "bg-red-600" : live.connected ? "bg-emerald-500" : "bg-slate-400"}`}
            />
            <span>
              Engine <strong className="font-medium text-slate-800">{engine}</strong>
              <span className="sr-only">{live.engineDown ? ", unreachable" : live.connected ? ", live" : ", connecting"}</span>
            </span>
          </p>
          <UserMenu />
        </div>
      </header>
      {live.engineDown && (
        <div className="mx-auto max-w-7xl px-4 pt-4">
          <Alert tone="error" title={`The Docker engine "${engine}" cannot be reached.`}>
            <p>
              {live.engineDown}. Voldeck keeps trying and refreshes this page by itself when the engine is back.
            </p>
          </Alert>
        </div>
      )}
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
