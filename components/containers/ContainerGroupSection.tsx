"use client";
import { ChevronDown, Layers } from "lucide-react";
import { useId } from "react";
import type { Container } from "@/lib/api/types";
import { ContainerRow } from "./ContainerRow";
import type { ContainerGroup } from "./group";

type Props = {
  engine: string;
  group: ContainerGroup;
  collapsed: boolean;
  onCollapse: () => void;
  isOpen: (c: Container) => boolean;
  onToggle: (c: Container) => void;
  target: string | null;
  onFollow: (name: string) => void;
  exists: (name: string) => boolean;
};

/** One compose project (or the containers of none): a header that folds, then one dense row per container. */
export function ContainerGroupSection({ engine, group, collapsed, onCollapse, isOpen, onToggle, target, onFollow, exists }: Props) {
  const headingId = useId();
  const listId = useId();
  const n = group.containers.length;
  return (
    <section aria-labelledby={headingId} className="border-b border-line last:border-b-0">
      <h2 id={headingId} className="border-b border-line bg-surface-2">
        <button
          type="button"
          onClick={onCollapse}
          aria-expanded={!collapsed}
          aria-controls={listId}
          className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm hover:bg-surface-3"
        >
          <ChevronDown aria-hidden className={`size-4 text-fg-muted transition-transform ${collapsed ? "-rotate-90" : ""}`} />
          <Layers aria-hidden className="size-4 text-fg-muted" />
          <span className="min-w-0 font-semibold [overflow-wrap:anywhere] text-fg">{group.project ?? "No compose project"}</span>
          <span className="ml-auto shrink-0 text-xs text-fg-muted tabular-nums">
            {group.running}/{n} running
          </span>
        </button>
      </h2>
      {!collapsed && (
        <div id={listId} className="divide-y divide-line">
          {group.containers.map((c) => (
            <ContainerRow
              key={c.id}
              engine={engine}
              container={c}
              open={isOpen(c)}
              onToggle={() => onToggle(c)}
              targeted={c.name === target}
              onFollow={onFollow}
              exists={exists}
            />
          ))}
        </div>
      )}
    </section>
  );
}
