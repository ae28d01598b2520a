"use client";
import { useId } from "react";
import type { VolumeContainer } from "@/lib/api/types";

export const runningNames = (containers: VolumeContainer[]) => [...new Set(containers.filter((c) => c.state === "running").map((c) => c.containerName))];

/**
 * "Stop the running containers…", naming them; shown only when some run (with none running there is nothing to
 * choose). `purpose` ends the label: "for a consistent copy", "while the contents are swapped".
 */
export function StopContainersOption({
  names,
  checked,
  onChange,
  purpose,
}: {
  names: string[];
  checked: boolean;
  onChange: (v: boolean) => void;
  purpose: string;
}) {
  const listId = useId();
  if (names.length === 0) return null;
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={listId} className="mt-0.5 h-4 w-4" />
        <span>
          <span className="font-medium text-fg">
            Stop the running containers that use {names.length === 1 ? "this volume" : "these volumes"} {purpose}
          </span>
          <span className="block text-fg-muted">They are started again afterwards, whatever happens (success, failure or cancel).</span>
        </span>
      </label>
      <p id={listId} className="ml-6 text-sm text-fg-muted">
        Running now: <span className="font-medium [overflow-wrap:anywhere]">{names.join(", ")}</span>
      </p>
    </div>
  );
}
