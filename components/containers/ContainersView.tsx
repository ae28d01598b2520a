"use client";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/States";
import { useUrlState } from "@/components/ui/useUrlState";
import type { Container } from "@/lib/api/types";
import { CONTAINER_ANCHOR_PREFIX, containerAnchor } from "@/lib/routes";
import { ContainerGroupSection } from "./ContainerGroupSection";
import { ROW_GRID } from "./ContainerRow";
import { ContainersToolbar } from "./ContainersToolbar";
import { filterContainers } from "./filter";
import { groupByProject } from "./group";
import { DEFAULT_CONTAINERS_STATE, readContainersState, writeContainersState } from "./url-state";
import { useHashTarget } from "./useHashTarget";

const toggled = <T,>(set: Set<T>, key: T) => {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
};

export function ContainersView({ engine, containers }: { engine: string; containers: Container[] }) {
  // Search and state filter live in the URL: a reload, Back or a shared link shows the same containers.
  const [{ search, state }, setFilters] = useUrlState(readContainersState, writeContainersState);
  // Open rows are remembered by id, folded groups by project: both survive the live refreshes.
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [allOpen, setAllOpen] = useState(false);
  const [folded, setFolded] = useState<Set<string | null>>(new Set());
  const target = useHashTarget(CONTAINER_ANCHOR_PREFIX);
  const shown = useMemo(() => filterContainers(containers, search, state), [containers, search, state]);
  const groups = useMemo(() => groupByProject(shown), [shown]);

  // A link from another page lands here before the list exists; scroll once it does. Later live
  // refreshes keep the reader where they are.
  useEffect(() => {
    if (target) document.getElementById(containerAnchor(target))?.scrollIntoView({ block: "start" });
  }, [target]);

  const clear = () => setFilters(DEFAULT_CONTAINERS_STATE);
  const exists = (name: string) => containers.some((c) => c.name === name);
  const follow = (name: string) => {
    if (!shown.some((c) => c.name === name)) clear();
    const project = containers.find((c) => c.name === name)?.composeProject ?? null;
    setFolded((f) => (f.has(project) ? toggled(f, project) : f));
  };
  // The linked container shows its mounts: that is what the link was for.
  const isOpen = (c: Container) => allOpen !== open.has(c.id) || c.name === target;

  if (containers.length === 0) {
    return (
      <EmptyState title="There are no containers on this engine.">
        Containers appear here as soon as they are created, with every volume, bind mount and tmpfs they use.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <ContainersToolbar
        search={search}
        onSearch={(value) => setFilters((f) => ({ ...f, search: value }))}
        state={state}
        onState={(value) => setFilters((f) => ({ ...f, state: value }))}
        shown={shown.length}
        total={containers.length}
        allOpen={allOpen}
        onAllOpen={() => {
          setAllOpen(!allOpen);
          setOpen(new Set());
        }}
      />
      {shown.length === 0 ? (
        <EmptyState title="No container matches.">
          <Button onClick={clear}>Clear search and filter</Button>
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg border border-line bg-surface shadow-sm">
          <div aria-hidden className={`hidden border-b border-line px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-fg-muted ${ROW_GRID}`}>
            <span />
            <span>Container</span>
            <span>Image</span>
            <span>Status</span>
            <span>Mounts</span>
          </div>
          {groups.map((g) => (
            <ContainerGroupSection
              key={g.project ?? ""}
              engine={engine}
              group={g}
              collapsed={folded.has(g.project)}
              onCollapse={() => setFolded((f) => toggled(f, g.project))}
              isOpen={isOpen}
              onToggle={(c) => setOpen((o) => toggled(o, c.id))}
              target={target}
              onFollow={follow}
              exists={exists}
            />
          ))}
        </div>
      )}
    </div>
  );
}
