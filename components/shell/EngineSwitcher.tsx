"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { ChevronDown } from "lucide-react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { ENGINES_REFRESH_MS } from "@/lib/api/all-engines-queries";
import { enginesQuery } from "@/lib/api/queries";
import type { Engine } from "@/lib/api/types";
import { targetPath } from "@/lib/routes";

// A select-only combobox (WAI-ARIA APG pattern) rather than a native <select>: its options carry a status dot
// and the reason an engine is down, which a native option cannot show. Focus stays on the combobox; the
// option moved to is its aria-activedescendant. Keys: arrows, Home/End, Enter/Space, Escape, a letter jumps.
export const ALL_ENGINES = "";

type Option = { value: string; label: string; engine?: Engine };

/** The shell's live state of the page's engine, which wins over the (slower) engine list for that engine. */
type LiveTone = "live" | "connecting" | "not_answering" | "down";
const liveTones: Record<LiveTone, string> = { live: "bg-ok", connecting: "bg-fg-subtle", not_answering: "bg-warn", down: "bg-danger" };

function Dot({ engine, live }: { engine?: Engine; live?: LiveTone }) {
  const tone = live ? liveTones[live] : !engine ? "bg-accent" : engine.reachable ? "bg-ok" : "bg-danger";
  return <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${tone}`} />;
}

function describe(o: Option): string {
  if (!o.engine) return "";
  return o.engine.reachable ? "reachable" : `unreachable${o.engine.error ? `: ${o.engine.error}` : ""}`;
}

/**
 * `current`: the engine the page shows, or ALL_ENGINES on the all-engines view and on pages of no engine (backups,
 * admin: they span all engines). `live`: the header's state of `current`, so that the dot and the header agree.
 */
export function EngineSwitcher({ current, live }: { current: string; live?: LiveTone }) {
  const engines = useQuery({ ...enginesQuery(), refetchInterval: ENGINES_REFRESH_MS });
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [open, setOpen] = useState(false);
  // By value, not position: the engine list may arrive (and reorder the options) while the list is open.
  const [activeValue, setActive] = useState<string>(ALL_ENGINES);
  const box = useRef<HTMLDivElement>(null);

  const known = engines.data ?? [];
  const options: Option[] = [
    { value: ALL_ENGINES, label: "All engines" },
    ...known.map((e) => ({ value: e.id, label: e.name && e.name !== e.id ? `${e.id} (${e.name})` : e.id, engine: e })),
  ];
  // The engine a page shows is listed even before the engine list has loaded.
  if (current && !known.some((e) => e.id === current)) options.push({ value: current, label: current });
  const selected = options.find((o) => o.value === current);

  const found = options.findIndex((o) => o.value === activeValue);
  const active = found < 0 ? 0 : found;

  // With many engines the list scrolls: the option moved to by keyboard stays in sight.
  useEffect(() => {
    if (open) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, id]);

  const currentIndex = Math.max(
    0,
    options.findIndex((o) => o.value === current),
  );
  const show = (at = currentIndex) => {
    setActive(options[at].value);
    setOpen(true);
  };
  const choose = (o: Option) => {
    setOpen(false);
    box.current?.focus();
    if (o.value !== current) router.push(targetPath(pathname, o.value || null));
  };
  /** The next option after `from` whose label starts with the letter typed, or -1. */
  const byLetter = (letter: string, from: number) => {
    for (let step = 1; step <= options.length; step++) {
      const i = (from + step) % options.length;
      if (options[i].label.toLowerCase().startsWith(letter.toLowerCase())) return i;
    }
    return -1;
  };

  const onKey = (e: KeyboardEvent) => {
    const last = options.length - 1;
    const letter = e.key.length === 1 && e.key !== " " && !e.ctrlKey && !e.metaKey && !e.altKey ? e.key : null;
    if (!open) {
      const opens: Record<string, number> = { ArrowDown: currentIndex, ArrowUp: currentIndex, Enter: currentIndex, " ": currentIndex, Home: 0, End: last };
      if (e.key in opens) {
        e.preventDefault();
        show(opens[e.key]);
      } else if (letter && byLetter(letter, currentIndex) >= 0) {
        e.preventDefault();
        show(byLetter(letter, currentIndex));
      }
      return;
    }
    const moves: Record<string, number> = {
      ArrowDown: Math.min(active + 1, last),
      ArrowUp: Math.max(active - 1, 0),
      Home: 0,
      End: last,
      PageDown: last,
      PageUp: 0,
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(options[moves[e.key]].value);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setOpen(false);
    } else if (e.key === "Tab") setOpen(false);
    else if (letter && byLetter(letter, active) >= 0) {
      e.preventDefault();
      setActive(options[byLetter(letter, active)].value);
    }
  };

  return (
    <div className="relative">
      <span id={`${id}-label`} className="sr-only">
        Engine
      </span>
      <div
        ref={box}
        role="combobox"
        tabIndex={0}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? `${id}-list` : undefined}
        aria-labelledby={`${id}-label ${id}-value`}
        aria-activedescendant={open ? `${id}-opt-${active}` : undefined}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={onKey}
        onBlur={() => setOpen(false)}
        className="flex h-8 min-w-0 cursor-pointer select-none items-center gap-2 rounded-md border border-line-strong bg-surface px-2.5 text-sm text-fg hover:bg-surface-2"
      >
        <span aria-hidden className="hidden text-fg-subtle sm:inline">
          Engine
        </span>
        <Dot engine={selected?.engine} live={current !== ALL_ENGINES ? live : undefined} />
        <span id={`${id}-value`} className="max-w-[9rem] truncate font-medium sm:max-w-[16rem]">
          {selected?.label ?? "All engines"}
        </span>
        <ChevronDown aria-hidden className="size-4 text-fg-subtle" />
      </div>
      {open && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-labelledby={`${id}-label`}
          // Clicks inside the list (options, its scrollbar) keep the focus on the combobox.
          onMouseDown={(e) => e.preventDefault()}
          className="absolute left-0 z-30 mt-1 max-h-80 w-max max-w-[calc(100vw-2rem)] min-w-64 overflow-auto rounded-md border border-line bg-surface py-1 text-sm shadow-lg focus:outline-none"
        >
          {options.map((o, i) => (
            // eslint-disable-next-line jsx-a11y/role-supports-aria-props -- aria-description (ARIA 1.3) is read by browsers; jsx-a11y's table predates it
            <li
              key={o.value || "all"}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={o.value === current}
              aria-description={describe(o) || undefined}
              onMouseEnter={() => setActive(o.value)}
              onClick={() => choose(o)}
              className={`flex cursor-pointer items-start gap-2 px-3 py-1.5 ${i === active ? "bg-accent-soft" : ""} ${o.value === current ? "font-semibold" : ""} ${i === 0 ? "border-b border-line" : ""}`}
            >
              <span className="flex h-5 items-center">
                <Dot engine={o.engine} live={o.value === current && o.value !== ALL_ENGINES ? live : undefined} />
              </span>
              <span className="min-w-0">
                <span className="block text-fg">{o.label}</span>
                {o.engine && !o.engine.reachable && (
                  <span className="block max-w-72 truncate text-xs text-danger-fg" title={o.engine.error}>
                    unreachable{o.engine.error ? `: ${o.engine.error}` : ""}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
