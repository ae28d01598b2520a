"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { MoreHorizontal, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

export type MenuAction = {
  label: string;
  icon?: LucideIcon;
  onSelect: () => void;
  danger?: boolean;
  /** Why the action is not available now; shown beside it, and the item cannot be chosen. */
  disabledReason?: string;
  hidden?: boolean;
};

/**
 * A row's or a page's actions folded into one menu (Radix: keyboard, focus return and screen-reader roles come
 * with it). `label` names the menu for screen readers, e.g. "Actions for volume pgdata".
 */
export function ActionMenu({ label, actions, trigger }: { label: string; actions: MenuAction[]; trigger?: ReactNode }) {
  const shown = actions.filter((a) => !a.hidden);
  if (shown.length === 0) return null;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={label}
        className="inline-flex h-8 min-w-8 items-center justify-center rounded-md text-fg-muted hover:bg-surface-3 data-[state=open]:bg-surface-3"
      >
        {trigger ?? <MoreHorizontal aria-hidden className="size-4" />}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-md border border-line bg-surface p-1 text-sm text-fg shadow-lg">
          {shown.map(({ label: itemLabel, icon: Icon, onSelect, danger, disabledReason }) => (
            <DropdownMenu.Item
              key={itemLabel}
              disabled={Boolean(disabledReason)}
              onSelect={onSelect}
              className={`flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[disabled]:opacity-60 data-[highlighted]:bg-surface-2 ${danger ? "text-danger-fg" : ""}`}
            >
              {Icon && <Icon aria-hidden className="size-4 shrink-0" />}
              <span className="flex flex-col">
                <span>{itemLabel}</span>
                {disabledReason && <span className="text-xs text-fg-subtle">{disabledReason}</span>}
              </span>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
