"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { Check, ChevronDown } from "lucide-react";
import { ENGINES_REFRESH_MS } from "@/lib/api/all-engines-queries";
import { enginesQuery } from "@/lib/api/queries";
import type { Engine } from "@/lib/api/types";
import { targetPath } from "@/lib/routes";

// A Radix dropdown menu with a radio group (not a native <select>: each engine carries a status dot and the reason
// it is down, which a native option cannot show). Radix brings the keyboard (arrows, Home/End, Enter/Space,
// Escape, typeahead; like any menu button it opens on its first item), focus return to the button and the menu
// roles; the hand-written combobox it replaces had to do all that itself.
export const ALL_ENGINES = "";

type Option = { value: string; label: string; engine?: Engine };

/** The shell's live state of the page's engine, which wins over the (slower) engine list for that engine. */
type LiveTone = "live" | "connecting" | "not_answering" | "down";
const liveTones: Record<LiveTone, string> = { live: "bg-ok", connecting: "bg-fg-subtle", not_answering: "bg-warn", down: "bg-danger" };

function Dot({ engine, live }: { engine?: Engine; live?: LiveTone }) {
  const tone = live ? liveTones[live] : !engine ? "bg-accent" : engine.reachable ? "bg-ok" : "bg-danger";
  return <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${tone}`} />;
}

/** The menu's options, and a line saying why the engines are not listed yet (loading, or the list failed). */
function useOptions(current: string): { options: Option[]; notice?: string } {
  const engines = useQuery({ ...enginesQuery(), refetchInterval: ENGINES_REFRESH_MS });
  const known = engines.data ?? [];
  const options: Option[] = [
    { value: ALL_ENGINES, label: "All engines" },
    ...known.map((e) => ({ value: e.id, label: e.name && e.name !== e.id ? `${e.id} (${e.name})` : e.id, engine: e })),
  ];
  // The engine a page shows is listed even before the engine list has loaded.
  if (current && !known.some((e) => e.id === current)) options.push({ value: current, label: current });
  const notice = engines.data ? undefined : engines.isError ? `The engine list is unavailable: ${engines.error.message}` : "Loading the engine list…";
  return { options, notice };
}

/**
 * `current`: the engine the page shows, or ALL_ENGINES on the all-engines view and on pages of no engine (backups,
 * admin: they span all engines). `live`: the header's state of `current`, so that the dot and the header agree.
 */
export function EngineSwitcher({ current, live }: { current: string; live?: LiveTone }) {
  const router = useRouter();
  const pathname = usePathname();
  const { options, notice } = useOptions(current);
  const selected = options.find((o) => o.value === current);
  const label = selected?.label ?? "All engines";
  const liveOf = (value: string) => (value === current && value !== ALL_ENGINES ? live : undefined);

  const choose = (value: string) => {
    if (value !== current) router.push(targetPath(pathname, value || null));
  };

  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={`Engine ${label}`}
        className="flex h-8 min-w-0 cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-2.5 text-sm text-fg select-none hover:bg-surface-2 data-[state=open]:bg-surface-2"
      >
        <span aria-hidden className="hidden text-fg-subtle sm:inline">
          Engine
        </span>
        <Dot engine={selected?.engine} live={liveOf(current)} />
        <span className="max-w-[9rem] truncate font-medium sm:max-w-[16rem]">{label}</span>
        <ChevronDown aria-hidden className="size-4 shrink-0 text-fg-subtle" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="z-50 max-h-[min(20rem,var(--radix-dropdown-menu-content-available-height))] w-max max-w-[calc(100vw-2rem)] min-w-64 overflow-auto rounded-md border border-line bg-surface py-1 text-sm text-fg shadow-lg">
          <DropdownMenu.RadioGroup value={current} onValueChange={choose}>
            {options.map((o, i) => (
              <DropdownMenu.RadioItem
                key={o.value || "all"}
                value={o.value}
                // Typeahead matches the engine's name, not the reason it is down.
                textValue={o.label}
                className={`flex cursor-pointer items-start gap-2 px-3 py-1.5 outline-none select-none data-[highlighted]:bg-accent-soft data-[state=checked]:font-semibold ${i === 0 ? "border-b border-line" : ""}`}
              >
                <span className="flex h-5 items-center">
                  <Dot engine={o.engine} live={liveOf(o.value)} />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block">{o.label}</span>
                  {o.engine && !o.engine.reachable && (
                    <span className="block max-w-72 truncate text-xs font-normal text-danger-fg" title={o.engine.error}>
                      unreachable{o.engine.error ? `: ${o.engine.error}` : ""}
                    </span>
                  )}
                </span>
                <span className="flex h-5 w-4 items-center">
                  <DropdownMenu.ItemIndicator>
                    <Check aria-hidden className="size-4 text-accent-fg" />
                  </DropdownMenu.ItemIndicator>
                </span>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          {notice && (
            // A disabled item, so a screen reader reads it in the menu; the keyboard and typeahead pass it by.
            <DropdownMenu.Item disabled className="max-w-72 px-3 py-1.5 text-xs text-fg-muted">
              {notice}
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
