"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { UserMenu } from "@/components/auth/UserMenu";
import { Alert } from "@/components/ui/Alert";
import {
  adminHref,
  ALL_VOLUMES_HREF,
  BACKUPS_HREF,
  DEFAULT_ENGINE,
  engineSectionHref,
  isEnginePage,
  SCHEDULES_HREF,
  volumesHref,
  type EngineSection,
} from "@/lib/routes";
import { EngineHealthProvider } from "./EngineHealth";
import { ALL_ENGINES, EngineSwitcher } from "./EngineSwitcher";
import { useEngineEvents, type LiveState } from "./useEngineEvents";

// Pages of no engine (the all-engines view) link the engine sections to the default engine.
const sections: { section: EngineSection; label: string }[] = [
  { section: "volumes", label: "Volumes" },
  { section: "containers", label: "Containers & mounts" },
  { section: "services", label: "Services" },
];

const adminSections = [
  { href: adminHref("engines"), label: "Engines" },
  { href: adminHref("users"), label: "Users" },
  { href: adminHref("tokens"), label: "API tokens" },
  { href: adminHref("audit"), label: "Audit" },
];

/**
 * The console's frame. `engine`: the engine the page shows (its events are followed: the page refreshes by
 * itself and says when the engine is down); without it (the all-engines view) no single engine is followed.
 */
export function ConsoleShell({ engine, children }: { engine?: string; children: ReactNode }) {
  if (engine === undefined) return <Frame live={null}>{children}</Frame>;
  return <EngineFrame engine={engine}>{children}</EngineFrame>;
}

function EngineFrame({ engine, children }: { engine: string; children: ReactNode }) {
  const live = useEngineEvents(engine);
  const down = live.engineDown !== null;
  const health = {
    engine,
    state: down ? ("down" as const) : live.connected ? ("live" as const) : ("connecting" as const),
    asOf: null,
    writesDisabledReason: down ? `The engine "${engine}" cannot be reached; what is shown may be out of date.` : null,
  };
  return (
    <EngineHealthProvider health={health}>
      <Frame engine={engine} live={live}>
        {children}
      </Frame>
    </EngineHealthProvider>
  );
}

function LiveDot({ live }: { live: LiveState }) {
  const state = live.engineDown ? "unreachable" : live.connected ? "live" : "connecting";
  return (
    <span className="flex items-center gap-1.5 text-xs text-fg-subtle" title={`Event stream: ${state}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${live.engineDown ? "bg-danger" : live.connected ? "bg-ok" : "bg-fg-subtle"}`} />
      <span aria-hidden>{state}</span>
      <span className="sr-only">, {state}</span>
    </span>
  );
}

function Frame({ engine, live, children }: { engine?: string; live: LiveState | null; children: ReactNode }) {
  const pathname = usePathname();
  const linkedEngine = engine ?? DEFAULT_ENGINE;
  const isAdmin = useCan("admin");
  const links = [
    ...sections.map((s) => ({
      href: s.section === "volumes" && engine === undefined ? ALL_VOLUMES_HREF : engineSectionHref(linkedEngine, s.section),
      label: s.label,
    })),
    // Backups are kept by the console, not by an engine (each records the engine it came from): one page for all.
    { href: BACKUPS_HREF, label: "Backups" },
    { href: SCHEDULES_HREF, label: "Schedules" },
    ...(isAdmin ? adminSections : []),
  ];
  // Pages under /engines/{id} belong to that engine; the rest (backups, admin…) name none in the switcher.
  const switcherValue = pathname === ALL_VOLUMES_HREF ? ALL_ENGINES : isEnginePage(pathname) ? (engine ?? null) : null;
  return (
    <div className="min-h-screen">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={volumesHref(linkedEngine)} className="text-lg font-bold tracking-tight text-accent-fg">
            Voldeck
          </Link>
          <div className="flex items-center gap-3">
            <EngineSwitcher current={switcherValue} />
            {live && switcherValue === engine && <LiveDot live={live} />}
          </div>
          <nav aria-label="Sections" className="flex flex-wrap gap-1">
            {links.map((s) => {
              const href = s.href;
              const current = pathname === href || pathname.startsWith(`${href}/`);
              return (
                <Link
                  key={s.href}
                  href={href}
                  aria-current={current ? "page" : undefined}
                  className={`rounded-md px-3 py-1.5 text-sm font-medium ${current ? "bg-accent-soft text-accent-fg" : "text-fg-muted hover:bg-surface-2"}`}
                >
                  {s.label}
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto">
            <UserMenu />
          </div>
        </div>
      </header>
      {live?.engineDown && (
        <div className="mx-auto max-w-7xl px-4 pt-4">
          <Alert tone="error" title={`The Docker engine "${engine}" cannot be reached.`}>
            <p>{live.engineDown}. Voldeck keeps trying and refreshes this page by itself when the engine is back.</p>
          </Alert>
        </div>
      )}
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
