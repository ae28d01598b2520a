import { ChevronsDownUp, ChevronsUpDown } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { SearchField } from "@/components/ui/SearchField";
import { useUrlText } from "@/components/ui/useUrlText";
import type { StateFilter } from "./filter";

type Props = {
  search: string;
  onSearch: (value: string) => void;
  state: StateFilter;
  onState: (value: StateFilter) => void;
  shown: number;
  total: number;
  allOpen: boolean;
  onAllOpen: () => void;
};

const field = "h-8 rounded-md border border-line-strong bg-surface px-2.5 text-sm text-fg placeholder:text-fg-subtle";

export function ContainersToolbar({ search, onSearch, state, onState, shown, total, allOpen, onAllOpen }: Props) {
  const [text, setText] = useUrlText(search, onSearch);
  const stateId = useId();
  const noun = total === 1 ? "container" : "containers";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchField label="Search" value={text} onChange={setText} placeholder="Name, image, volume, path" />
      <label htmlFor={stateId} className="sr-only">
        State
      </label>
      <select id={stateId} value={state} onChange={(e) => onState(e.target.value as StateFilter)} className={field}>
        <option value="all">All states</option>
        <option value="running">Running</option>
        <option value="not-running">Not running</option>
      </select>
      <Button variant="ghost" onClick={onAllOpen} aria-pressed={allOpen}>
        {allOpen ? <ChevronsDownUp aria-hidden className="size-4" /> : <ChevronsUpDown aria-hidden className="size-4" />}
        {allOpen ? "Hide all mounts" : "Show all mounts"}
      </Button>
      <p role="status" className="text-sm text-fg-muted tabular-nums sm:ml-auto">
        {shown === total ? `${total} ${noun}` : `Showing ${shown} of ${total} ${noun}`}
      </p>
    </div>
  );
}
