import {
  Archive,
  Bell,
  Boxes,
  CalendarClock,
  Database,
  HardDrive,
  KeyRound,
  Layers,
  ScrollText,
  Server,
  ShieldCheck,
  Users,
  type LucideIcon,
} from "lucide-react";
import { adminHref, ALL_VOLUMES_HREF, BACKUPS_HREF, COVERAGE_HREF, engineSectionHref, REPOSITORIES_HREF, SCHEDULES_HREF } from "@/lib/routes";

export type NavItem = { href: string; label: string; icon: LucideIcon };
export type NavGroup = { label: string; items: NavItem[] };

/**
 * The sidebar's groups. `engine`: the engine the page shows (its sections link to it); undefined on pages of no
 * engine (the all-engines view), whose Volumes link is the all-engines list. Adding a page is one line here.
 */
export function navGroups(engine: string | undefined, linkedEngine: string, isAdmin: boolean): NavGroup[] {
  const data: NavItem[] = [
    { href: engine === undefined ? ALL_VOLUMES_HREF : engineSectionHref(linkedEngine, "volumes"), label: "Volumes", icon: HardDrive },
    { href: engineSectionHref(linkedEngine, "containers"), label: "Containers & mounts", icon: Boxes },
    { href: engineSectionHref(linkedEngine, "services"), label: "Services", icon: Layers },
    // Backups are kept by the console, not by an engine (each records the engine it came from): one page for all.
    { href: BACKUPS_HREF, label: "Backups", icon: Archive },
    { href: SCHEDULES_HREF, label: "Schedules", icon: CalendarClock },
    { href: REPOSITORIES_HREF, label: "Repositories", icon: Database },
    { href: COVERAGE_HREF, label: "Coverage", icon: ShieldCheck },
  ];
  const admin: NavItem[] = [
    { href: adminHref("engines"), label: "Engines", icon: Server },
    { href: adminHref("users"), label: "Users", icon: Users },
    { href: adminHref("tokens"), label: "API tokens", icon: KeyRound },
    { href: adminHref("notifications"), label: "Notifications", icon: Bell },
    { href: adminHref("audit"), label: "Audit", icon: ScrollText },
  ];
  return isAdmin
    ? [
        { label: "Data", items: data },
        { label: "Administration", items: admin },
      ]
    : [{ label: "Data", items: data }];
}

/** Whether `href` is the current page or a page under it. */
export const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);
