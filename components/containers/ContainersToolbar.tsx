import { useId } from "react";
import type { StateFilter } from "./filter";

type Props = {
  search: string;
  onSearch: (value: string) => void;
  state: StateFilter;
  onState: (value: StateFilter) => void;
  shown: number;
  total: number;
};

const field = "rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-fg placeholder:text-fg-subtle";

export function ContainersToolbar({ search, onSearch, state, onState, shown, total }: Props) {
  const searchId = useId();
  const stateId = useId();
  const noun = total === 1 ? "container" : "containers";
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="text-xs font-medium text-fg-muted">
          Search
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          placeholder="Container, image, volume or path"
          className={`${field} w-80 max-w-full`}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={stateId} className="text-xs font-medium text-fg-muted">
          State
        </label>
        <select id={stateId} value={state} onChange={(e) => onState(e.target.value as StateFilter)} className={field}>
          <option value="all">All</option>
          <option value="running">Running</option>
          <option value="not-running">Not running</option>
        </select>
      </div>
      <p role="status" className="pb-1.5 text-sm text-fg-muted sm:ml-auto">
        {shown === total ? `${total} ${noun}` : `Showing ${shown} of ${total} ${noun}`}
      </p>
    </div>
  );
}
