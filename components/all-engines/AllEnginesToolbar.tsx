import { SearchField } from "@/components/ui/SearchField";
import { useUrlText } from "@/components/ui/useUrlText";
import type { UsageFilter } from "@/components/volumes/volume-filter";
import type { AllEnginesUrlState } from "./url-state";

type Filters = Omit<AllEnginesUrlState, "sort">;
type Props = Filters & { engineIds: string[]; onChange: (update: (current: AllEnginesUrlState) => AllEnginesUrlState) => void };

const input = "h-8 rounded-md border border-line-strong bg-surface px-2.5 text-sm";

/** Search, Engine and Show of the all-engines page; every value lives in the URL (the page owns it). */
export function AllEnginesToolbar({ search, engine, usage, engineIds, onChange }: Props) {
  const [text, setText] = useUrlText(search, (value) => onChange((s) => ({ ...s, search: value })));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchField label="Search" value={text} onChange={setText} placeholder="Search name, container, path, label…" />
      <label className="flex items-center gap-1.5 text-xs text-fg-muted">
        Engine
        <select value={engine} onChange={(e) => onChange((s) => ({ ...s, engine: e.target.value }))} className={input}>
          <option value="">All engines</option>
          {engineIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-xs text-fg-muted">
        Show
        <select value={usage} onChange={(e) => onChange((s) => ({ ...s, usage: e.target.value as UsageFilter }))} className={input}>
          <option value="all">All volumes</option>
          <option value="in-use">In use</option>
          <option value="unused">Unused</option>
          <option value="anonymous">Anonymous</option>
        </select>
      </label>
    </div>
  );
}
