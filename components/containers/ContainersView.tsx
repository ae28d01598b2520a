"use client";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/States";
import type { Container } from "@/lib/api/types";
import { CONTAINER_ANCHOR_PREFIX, containerAnchor } from "@/lib/routes";
import { ContainerCard } from "./ContainerCard";
import { ContainersToolbar } from "./ContainersToolbar";
import { filterContainers, type StateFilter } from "./filter";
import { useHashTarget } from "./useHashTarget";

export function ContainersView({ engine, containers }: { engine: string; containers: Container[] }) {
  const [search, setSearch] = useState("");
  const [state, setState] = useState<StateFilter>("all");
  const target = useHashTarget(CONTAINER_ANCHOR_PREFIX);
  const shown = useMemo(() => filterContainers(containers, search, state), [containers, search, state]);

  // A link from another page lands here before the list exists; scroll once it does. Later live
  // refreshes keep the reader where they are.
  useEffect(() => {
    if (target) document.getElementById(containerAnchor(target))?.scrollIntoView({ block: "start" });
  }, [target]);

  const clear = () => {
    setSearch("");
    setState("all");
  };
  const exists = (name: string) => containers.some((c) => c.name === name);
  const follow = (name: string) => {
    if (!shown.some((c) => c.name === name)) clear();
  };

  if (containers.length === 0) {
    return (
      <EmptyState title="There are no containers on this engine.">
        Containers appear here as soon as they are created, with every volume, bind mount and tmpfs they use.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <ContainersToolbar search={search} onSearch={setSearch} state={state} onState={setState} shown={shown.length} total={containers.length} />
      {shown.length === 0 ? (
        <EmptyState title="No container matches.">
          <Button onClick={clear}>Clear search and filter</Button>
        </EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Containers">
          {shown.map((c) => (
            <li key={c.id}>
              <ContainerCard engine={engine} container={c} targeted={c.name === target} onFollow={follow} exists={exists} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
