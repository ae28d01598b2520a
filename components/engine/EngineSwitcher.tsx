"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { ENGINES_REFRESH_MS } from "@/lib/api/all-engines-queries";
import { enginesQuery } from "@/lib/api/queries";
import type { Engine } from "@/lib/api/types";
import { targetPath } from "./engine-paths";

// A button that opens a listbox (focus moves into the list, the active option is its aria-activedescendant)
// rather than a native <select>: its options carry a status dot and the reason an engine is down, which a
// native option cannot show.
export const ALL_ENGINES = "";

type Option = { value: string; label: string; engine?: Engine };

function Dot({ engine }: { engine?: Engine }) {
  const tone = !engine ? "bg-sky-600" : engine.reachable ? "bg-emerald-500" : "bg-red-600";
  return <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${tone}`} />;
}

function describe(o: Option): string {
  if (!o.engine) return "";
  return o.engine.reachable ? "reachable" : `unreachable${o.engine.error ? `: ${o.engine.error}` : ""}`;
}

/** `current`: the engine the page shows, or ALL_ENGINES on the all-engines view, or null on pages of no engine. */
export function EngineSwitcher({ current }: { current: string | null }) {
  const engines = useQuery({ ...enginesQuery(), refetchInterval: ENGINES_REFRESH_MS });
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const known = engines.data ?? [];
  const options: Option[] = [
    { value: ALL_ENGINES, label: "All engines" },
    ...known.map((e) => ({ value: e.id, label: e.name && e.name !== e.id ? `${e.id} (${e.name})` : e.id, engine: e })),
  ];
  // The engine a page shows is listed even before the engine list has loaded.
  if (current && !known.some((e) => e.id === current)) options.push({ value: current, label: current });
  const selected = current === null ? undefined : options.find((o) => o.value === current);

  useEffect(() => {
    if (open) list.current?.focus();
  }, [open]);
  // With many engines the list scrolls: the option moved to by keyboard stays in sight.
  useEffect(() => {
    if (open) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, id]);

  const show = () => {
    setActive(Math.max(0, options.findIndex((o) => o.value === current)));
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (o: Option) => {
    close(true);
    if (o.value !== current) router.push(targetPath(pathname, o.value || null));
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      show();
    }
  };
  const onListKey = (e: KeyboardEvent) => {
    const last = options.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(active + 1, last), ArrowUp: Math.max(active - 1, 0), Home: 0, End: last };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    } else if (e.key === "Tab") close(false);
  };

  return (
    <div className="relative">
      <span id={`${id}-label`} className="sr-only">
        Engine
      </span>
      <button
        ref={button}
        type="button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? `${id}-list` : undefined}
        aria-labelledby={`${id}-label ${id}-value`}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={onButtonKey}
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
      >
        <span aria-hidden className="text-slate-500">
          Engine
        </span>
        {selected && <Dot engine={selected.engine} />}
        <span id={`${id}-value`} className="font-medium">
          {selected?.label ?? "choose…"}
        </span>
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </button>
      {open && (
        <ul
          ref={list}
          id={`${id}-list`}
          role="listbox"
          tabIndex={-1}
          aria-labelledby={`${id}-label`}
          aria-activedescendant={`${id}-opt-${active}`}
          onKeyDown={onListKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget !== button.current) close(false);
          }}
          className="absolute left-0 z-20 mt-1 max-h-80 min-w-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg focus:outline-none"
        >
          {options.map((o, i) => (
            <li
              key={o.value || "all"}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={o.value === current}
              aria-description={describe(o) || undefined}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(o)}
              className={`flex cursor-pointer items-start gap-2 px-3 py-1.5 ${i === active ? "bg-sky-50" : ""} ${o.value === current ? "font-semibold" : ""} ${i === 0 ? "border-b border-slate-100" : ""}`}
            >
              <span className="flex h-5 items-center">
                <Dot engine={o.engine} />
              </span>
              <span className="min-w-0">
                <span className="block text-slate-800">{o.label}</span>
                {o.engine && !o.engine.reachable && (
                  <span className="block max-w-72 truncate text-xs text-red-700" title={o.engine.error}>
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
