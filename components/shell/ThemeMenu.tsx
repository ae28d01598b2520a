"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { Tooltip } from "@/components/ui/Tooltip";
import { applyTheme, THEMES, type ThemeChoice } from "./theme";
import { useRootData } from "./useRootData";

const options: { value: ThemeChoice; label: string; icon: LucideIcon }[] = [
  { value: "system", label: "System", icon: Monitor },
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
];

/**
 * The theme choice in the header: system (follows the OS, also when it changes: the inline theme script's
 * listener, components/shell/theme.ts), light or dark.
 */
export function ThemeMenu() {
  // "system" in the server's HTML; the stored choice once the page runs (its colours were already right: the
  // inline script in app/layout.tsx applied the choice before the first paint).
  const stored = useRootData("theme");
  const choice: ThemeChoice = THEMES.find((t) => t === stored) ?? "system";
  const choose = (value: ThemeChoice) => applyTheme(value, true);
  const Current = options.find((o) => o.value === choice)?.icon ?? Monitor;
  return (
    <DropdownMenu.Root modal={false}>
      <Tooltip content={`Theme: ${choice}`} side="bottom">
        <DropdownMenu.Trigger
          aria-label={`Theme: ${choice}`}
          className="inline-flex size-8 items-center justify-center rounded-md text-fg-muted hover:bg-surface-2 hover:text-fg data-[state=open]:bg-surface-2"
        >
          <Current aria-hidden className="size-4" />
        </DropdownMenu.Trigger>
      </Tooltip>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-36 rounded-md border border-line bg-surface p-1 text-sm text-fg shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-fg-subtle">Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={choice} onValueChange={(v) => choose(v as ThemeChoice)}>
            {options.map(({ value, label, icon: Icon }) => (
              <DropdownMenu.RadioItem
                key={value}
                value={value}
                className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[highlighted]:bg-surface-2"
              >
                <Icon aria-hidden className="size-4 text-fg-muted" />
                <span className="flex-1">{label}</span>
                <DropdownMenu.ItemIndicator>
                  <Check aria-hidden className="size-4 text-accent-fg" />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
