"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { MoreHorizontal, type LucideIcon } from "lucide-react";
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

export type MenuAction = {
  label: string;
  icon?: LucideIcon;
  onSelect: () => void;
  danger?: boolean;
  /** Why the action is not available now; shown beside it, and the item cannot be chosen. */
  disabledReason?: string;
  hidden?: boolean;
};

const triggerClass = "inline-flex h-8 min-w-8 items-center justify-center rounded-md text-fg-muted hover:bg-surface-3 data-[state=open]:bg-surface-3";
// The keys that open a menu button (as Radix's trigger opens on them).
const OPENING_KEYS = new Set(["Enter", " ", "ArrowDown"]);

/**
 * A row's or a page's actions folded into one menu (Radix: keyboard, focus return and screen-reader roles come
 * with it). `label` names the menu for screen readers, e.g. "Actions for volume pgdata".
 *
 * Until first used, the menu is a plain button that looks and reads the same (a menu button, collapsed): the
 * first press (pointer or an opening key) puts the Radix menu in its place, open. Why: a Radix menu is a dozen
 * components with their contexts and effects, and a list mounts one per row as it scrolls; in bench:scroll
 * (5,000 volumes, fling speed) they were the largest part of the script time of each new screenful of rows.
 */
export function ActionMenu({ label, actions, trigger }: { label: string; actions: MenuAction[]; trigger?: ReactNode }) {
  // How the menu was first opened.
  const [openedBy, setOpenedBy] = useState<"pointer" | "key" | null>(null);
  const focusedOnce = useRef(false);
  // Radix knows a key opened the menu only from keys it saw itself (it was not there yet): as it would, a key puts
  // focus on the first item, once Radix has focused the menu (the frame after it mounted).
  const focusFirstItem = useCallback(
    (menu: HTMLDivElement | null) => {
      if (!menu || openedBy !== "key" || focusedOnce.current) return;
      focusedOnce.current = true;
      requestAnimationFrame(() => menu.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus());
    },
    [openedBy],
  );
  const shown = actions.filter((a) => !a.hidden);
  if (shown.length === 0) return null;
  const icon = trigger ?? <MoreHorizontal aria-hidden className="size-4" />;
  if (!openedBy) {
    const openWithPointer = (e: PointerEvent<HTMLButtonElement>) => {
      if (e.button !== 0 || e.ctrlKey) return;
      // As Radix's trigger does: the press does not also focus the button (the menu mounting in its place would
      // see that focus as leaving it, and close at once).
      e.preventDefault();
      setOpenedBy("pointer");
    };
    const openWithKey = (e: KeyboardEvent<HTMLButtonElement>) => {
      if (!OPENING_KEYS.has(e.key)) return;
      // Not also a click (Enter) or a page scroll (Space, ArrowDown): the key only opens the menu.
      e.preventDefault();
      setOpenedBy("key");
    };
    return (
      <button
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        onPointerDown={openWithPointer}
        onKeyDown={openWithKey}
        className={triggerClass}
      >
        {icon}
      </button>
    );
  }
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger aria-label={label} className={triggerClass}>
        {icon}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          ref={focusFirstItem}
          className="z-50 min-w-48 rounded-md border border-line bg-surface p-1 text-sm text-fg shadow-lg"
        >
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
