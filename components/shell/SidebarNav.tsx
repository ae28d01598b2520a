"use client";
import { IntentLink } from "@/components/ui/IntentLink";
import { usePathname } from "next/navigation";
import { isCurrent, type NavGroup } from "./nav-items";

/**
 * The grouped section links, in the sidebar and in the phone's drawer. In a collapsed sidebar (the
 * sidebar-collapsed variant, app/globals.css) only icons show; the label stays the link's accessible name and
 * its tooltip. `onNavigate`: the drawer closes when a link is followed.
 */
export function SidebarNav({ groups, onNavigate }: { groups: NavGroup[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="flex flex-col gap-4">
      {groups.map((group) => (
        <div key={group.label}>
          <p className="px-2.5 pb-1 text-[11px] font-semibold tracking-wider text-fg-subtle uppercase sidebar-collapsed:sr-only">{group.label}</p>
          <ul className="flex flex-col gap-0.5">
            {group.items.map(({ href, label, icon: Icon }) => {
              const current = isCurrent(pathname, href);
              return (
                <li key={href}>
                  <IntentLink
                    href={href}
                    onClick={onNavigate}
                    aria-current={current ? "page" : undefined}
                    title={label}
                    className={`flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium ${
                      current ? "bg-accent-soft text-accent-fg" : "text-fg-muted hover:bg-surface-2 hover:text-fg"
                    } sidebar-collapsed:justify-center sidebar-collapsed:px-0`}
                  >
                    <Icon aria-hidden className="size-4 shrink-0" />
                    <span className="truncate sidebar-collapsed:sr-only">{label}</span>
                  </IntentLink>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
