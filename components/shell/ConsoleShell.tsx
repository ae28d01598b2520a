"use client";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { UserMenu } from "@/components/auth/UserMenu";
import { ALL_VOLUMES_HREF, DEFAULT_ENGINE, isEnginePage, volumesHref } from "@/lib/routes";
import { EngineBanner } from "./EngineBanner";
import { EngineHealthProvider, type EngineHealth } from "./EngineHealth";
import { healthOf } from "./engine-outage";
import { ALL_ENGINES, EngineSwitcher } from "./EngineSwitcher";
import { LiveIndicator } from "./LiveIndicator";
import { MobileNav } from "./MobileNav";
import { navGroups } from "./nav-items";
import { Sidebar } from "./Sidebar";
import { SkipLink, MAIN_ID } from "./SkipLink";
import { ThemeMenu } from "./ThemeMenu";
import { useEngineEvents, type LiveState } from "./useEngineEvents";
import { useSlashToSearch } from "./useSlashToSearch";

/**
 * The console's frame: sidebar (a drawer on phones), header (engine switcher, live state, theme, user) and the
 * page. `engine`: the engine the page shows (its events are followed: the page refreshes by itself and says
 * when the engine is down or not answering); without it (the all-engines view) no single engine is followed.
 */
export function ConsoleShell({ engine, children }: { engine?: string; children: ReactNode }) {
  if (engine === undefined) return <Frame>{children}</Frame>;
  return <EngineFrame engine={engine}>{children}</EngineFrame>;
}

function EngineFrame({ engine, children }: { engine: string; children: ReactNode }) {
  const live = useEngineEvents(engine);
  const health = healthOf(engine, live);
  return (
    <EngineHealthProvider health={health}>
      <Frame engine={engine} live={live} health={health}>
        {children}
      </Frame>
    </EngineHealthProvider>
  );
}

function Frame({ engine, live, health, children }: { engine?: string; live?: LiveState; health?: EngineHealth; children: ReactNode }) {
  const pathname = usePathname();
  const isAdmin = useCan("admin");
  useSlashToSearch();
  const linkedEngine = engine ?? DEFAULT_ENGINE;
  const groups = navGroups(engine, linkedEngine, isAdmin);
  const homeHref = volumesHref(linkedEngine);
  // Pages under /engines/{id} belong to that engine; the rest (the all-engines view, backups, admin…) span
  // all engines, and the switcher says so.
  const onEnginePage = isEnginePage(pathname) && engine !== undefined && pathname !== ALL_VOLUMES_HREF;
  const switcherValue = onEnginePage ? engine : ALL_ENGINES;
  return (
    <div className="flex min-h-screen">
      <SkipLink />
      <Sidebar groups={groups} homeHref={homeHref} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-2 border-b border-line bg-surface/95 px-3 backdrop-blur sm:gap-3 sm:px-5">
          <MobileNav groups={groups} homeHref={homeHref} />
          <div className="flex min-w-0 items-center gap-2 sm:gap-3">
            <EngineSwitcher current={switcherValue} live={onEnginePage ? health?.state : undefined} />
            {onEnginePage && health && <LiveIndicator state={health.state} />}
          </div>
          <div className="ml-auto flex shrink-0 items-center gap-1">
            <ThemeMenu />
            <UserMenu />
          </div>
        </header>
        {health && live && health.state !== "live" && health.state !== "connecting" && (
          <div className="px-3 pt-4 sm:px-5">
            <EngineBanner health={health} live={live} />
          </div>
        )}
        <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-3 py-5 focus:outline-none sm:px-5 sm:py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
