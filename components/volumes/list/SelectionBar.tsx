import { DatabaseBackup, Trash2, X } from "lucide-react";
import { Button } from "@/components/ui/Button";

type Props = {
  count: number;
  /** Selected volumes the filters hide now. */
  hidden: number;
  writesDisabled: string | null;
  onBackup: () => void;
  onRemove: () => void;
  onClear: () => void;
};

/** What can be done with the selected volumes, shown while some are selected. */
export function SelectionBar({ count, hidden, writesDisabled, onBackup, onRemove, onClear }: Props) {
  const title = writesDisabled ?? undefined;
  return (
    <div
      role="region"
      aria-label="Selected volumes"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-accent-line bg-accent-soft px-3 py-1.5 text-sm"
    >
      <p aria-live="polite" className="font-medium text-accent-fg">
        {count} selected{hidden > 0 ? ` (${hidden} hidden by the filters)` : ""}
      </p>
      <div className="ml-auto flex flex-wrap gap-2">
        <Button onClick={onBackup} disabled={!!writesDisabled} title={title}>
          <DatabaseBackup aria-hidden className="size-4" />
          Back up {count}…
        </Button>
        <Button variant="danger" onClick={onRemove} disabled={!!writesDisabled} title={title}>
          <Trash2 aria-hidden className="size-4" />
          Remove {count}…
        </Button>
        <Button variant="ghost" onClick={onClear}>
          <X aria-hidden className="size-4" />
          Clear selection
        </Button>
      </div>
    </div>
  );
}
