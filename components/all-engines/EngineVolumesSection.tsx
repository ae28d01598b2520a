"use client";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Td } from "@/components/ui/Table";
import { TextLink } from "@/components/ui/TextLink";
import { VolumeSize } from "@/components/volumes/VolumeSize";
import type { EngineVolume } from "@/lib/api/all-engines-types";
import { plural } from "@/lib/format";
import { volumeHref } from "@/lib/routes";
import type { EngineState } from "./engine-state";

// A section shows this many rows until asked for all: thousands of rows per engine stay quick to render.
const FIRST_ROWS = 200;
export const COLUMNS = 5;

function Row({ v }: { v: EngineVolume }) {
  const users = v.containers.length + (v.services?.length ?? 0);
  return (
    <tr data-engine={v.engine} data-volume={v.name} className="hover:bg-surface-2">
      <Td className="whitespace-nowrap text-fg-muted">{v.engine}</Td>
      <Td className="max-w-md break-all">
        <TextLink href={volumeHref(v.engine, v.name)} prefetch={false}>
          {v.name}
        </TextLink>
      </Td>
      <Td className="whitespace-nowrap">{v.driver}</Td>
      <Td className="whitespace-nowrap">
        <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />
      </Td>
      <Td className="whitespace-nowrap">
        {v.inUse ? (
          <span>
            in use <span className="text-fg-subtle">({plural(users, "user")})</span>
          </span>
        ) : (
          <span className="text-fg-subtle">unused</span>
        )}
      </Td>
    </tr>
  );
}

/** One engine's part of the table: its heading row, then its volumes, or why it has none to show. */
export function EngineVolumesSection({ state, rows, filtered }: { state: EngineState; rows: EngineVolume[]; filtered: boolean }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <tbody aria-label={`Engine ${state.id}`} data-engine-section={state.id} className="divide-y divide-line border-b border-line">
      <tr className="bg-surface-2">
        <th scope="rowgroup" colSpan={COLUMNS} className="px-3 py-1.5 text-left text-xs font-semibold text-fg-muted">
          {state.id}
          <span className="ml-2 font-normal">
            {state.kind === "loading" && <span className="text-fg-subtle">loading…</span>}
            {state.kind === "unavailable" && <span className="text-danger-fg">unavailable: {state.reason}</span>}
            {state.kind === "ok" && (filtered ? `${rows.length} of ${state.volumes.length} volumes` : plural(state.volumes.length, "volume"))}
          </span>
        </th>
      </tr>
      {shown.map((v) => (
        <Row key={v.name} v={v} />
      ))}
      {state.kind === "ok" && rows.length === 0 && (
        <tr>
          <Td colSpan={COLUMNS} className="text-fg-subtle">
            {filtered ? "No volume here matches." : "No volumes on this engine."}
          </Td>
        </tr>
      )}
      {shown.length < rows.length && (
        <tr>
          <Td colSpan={COLUMNS}>
            <Button variant="ghost" onClick={() => setShowAll(true)}>
              Show all {rows.length.toLocaleString("en")} volumes of {state.id}
            </Button>
          </Td>
        </tr>
      )}
    </tbody>
  );
}
