"use client";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { inputClass, labelClass } from "@/components/ui/fields";
import { enginesQuery, volumesQuery } from "@/lib/api/queries";

/** Engine and volume, from the engines' own lists; typing the name stays possible while an engine does not answer. */
export function VolumePicker({ engine, volume, onChange }: { engine: string; volume: string; onChange: (v: { engine: string; volume: string }) => void }) {
  const engines = useQuery(enginesQuery());
  const volumes = useQuery(volumesQuery(engine));
  const names = volumes.data?.map((v) => v.name).sort() ?? [];
  // Labels by id: a <select> wrapped in its <label> would be named after its options too.
  const engineId = useId();
  const volumeId = useId();
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-3">
      <div>
        <label htmlFor={engineId} className={labelClass}>
          Engine
        </label>
        <select id={engineId} value={engine} onChange={(e) => onChange({ engine: e.target.value, volume: "" })} className={inputClass}>
          {(engines.data ?? [{ id: engine, name: engine }]).map((e) => (
            <option key={e.id} value={e.id}>
              {e.name && e.name !== e.id ? `${e.name} (${e.id})` : e.id}
            </option>
          ))}
        </select>
      </div>
      {volumes.error ? (
        <div className="space-y-2">
          <label htmlFor={volumeId} className={labelClass}>
            Volume
          </label>
          <input id={volumeId} value={volume} onChange={(e) => onChange({ engine, volume: e.target.value })} className={inputClass} />
          <ErrorAlert error={volumes.error} title="The engine's volumes could not be listed." />
        </div>
      ) : (
        <div>
          <label htmlFor={volumeId} className={labelClass}>
            Volume
          </label>
          <select
            id={volumeId}
            value={volume}
            onChange={(e) => onChange({ engine, volume: e.target.value })}
            disabled={volumes.isPending}
            className={inputClass}
          >
            <option value="">{volumes.isPending ? "Loading volumes…" : "Choose a volume"}</option>
            {volume && !names.includes(volume) && <option value={volume}>{volume}</option>}
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
