"use client";
import { PanelLeftClose, PanelLeftOpen } from "lucide-react";
import { IntentLink } from "@/components/ui/IntentLink";

import type { NavGroup } from "./nav-items";
import { SidebarNav } from "./SidebarNav";
import { SIDEBAR_KEY } from "./theme";
import { useRootData } from "./useRootData";

/** The console's mark and name (the mark only in a collapsed sidebar). */
export function Brand({ href }: { href: string }) {
  return (
    <IntentLink href={href} className="flex h-8 items-center gap-2 rounded-md px-1.5 font-semibold tracking-tight text-fg">
      <span aria-hidden className="grid size-6 shrink-0 place-items-center rounded-md bg-accent text-xs font-bold text-on-accent">
        V
      </span>
      <span className="sidebar-collapsed:sr-only">Voldeck</span>
    </IntentLink>
  );
}

/**
 * The left sidebar on wide screens (the phone has the drawer instead). Collapsing to icons is remembered; the
 * inline theme script (components/shell/theme.ts) applies it before the first paint as data-sidebar on <html>,
 * so a collapsed sidebar does not open and shut on every page load.
 */
export function Sidebar({ groups, homeHref }: { groups: NavGroup[]; homeHref: string }) {
  const collapsed = useRootData("sidebar") === "collapsed";
  const toggle = () => {
    const next = !collapsed;
    if (next) document.documentElement.dataset.sidebar = "collapsed";
    else delete document.documentElement.dataset.sidebar;
    try {
      if (next) localStorage.setItem(SIDEBAR_KEY, "collapsed");
      else localStorage.removeItem(SIDEBAR_KEY);
    } catch {
      // No storage: the choice holds for this page only.
    }
  };
  const Icon = collapsed ? PanelLeftOpen : PanelLeftClose;
  return (
    <aside className="vd-sidebar sticky top-0 hidden h-screen w-56 shrink-0 flex-col border-r border-line bg-surface lg:flex sidebar-collapsed:w-14">
      <div className="flex h-14 items-center border-b border-line px-3 sidebar-collapsed:px-2">
        <Brand href={homeHref} />
      </div>
      <div className="flex-1 overflow-y-auto px-2 py-3">
        <SidebarNav groups={groups} />
      </div>
      <div className="border-t border-line p-2">
        <button
          type="button"
          onClick={toggle}
          aria-expanded={!collapsed}
          className="flex h-8 w-full items-center gap-2.5 rounded-md px-2.5 text-sm text-fg-muted hover:bg-surface-2 hover:text-fg sidebar-collapsed:justify-center sidebar-collapsed:px-0"
        >
          <Icon aria-hidden className="size-4 shrink-0" />
          <span className="sidebar-collapsed:sr-only">{collapsed ? "Expand sidebar" : "Collapse sidebar"}</span>
        </button>
      </div>
    </aside>
  );
}
