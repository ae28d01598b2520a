"use client";
import { Plus, X } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/Button";

export type Pair = { key: string; value: string };

const input = "rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-fg placeholder:text-fg-subtle";

/** Rows of key=value inputs (driver options, labels), each labelled for screen readers. */
export function KeyValueEditor({
  legend,
  pairs,
  onChange,
  keyPlaceholder,
  valuePlaceholder,
  error,
}: {
  legend: string;
  pairs: Pair[];
  onChange: (pairs: Pair[]) => void;
  keyPlaceholder: string;
  valuePlaceholder: string;
  /** The form's problem with these rows (a repeated key, the server's issue), shown under them. */
  error?: string;
}) {
  const errorId = useId();
  const set = (i: number, patch: Partial<Pair>) => onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      {pairs.map((p, i) => (
        <div key={i} className="flex items-center gap-2">
          <input
            aria-label={`${legend} ${i + 1} key`}
            aria-invalid={!!error}
            value={p.key}
            onChange={(e) => set(i, { key: e.target.value })}
            placeholder={keyPlaceholder}
            className={`w-32 sm:w-40 ${input}`}
          />
          <span aria-hidden className="text-fg-muted">
            =
          </span>
          <input
            aria-label={`${legend} ${i + 1} value`}
            value={p.value}
            onChange={(e) => set(i, { value: e.target.value })}
            placeholder={valuePlaceholder}
            className={`min-w-0 flex-1 ${input}`}
          />
          <Button variant="ghost" aria-label={`Remove ${legend.toLowerCase()} ${i + 1}`} onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            <X aria-hidden className="size-4" />
          </Button>
        </div>
      ))}
      {error && (
        <p id={errorId} className="text-xs text-danger-fg">
          {error}
        </p>
      )}
      <Button variant="ghost" onClick={() => onChange([...pairs, { key: "", value: "" }])}>
        <Plus aria-hidden className="size-4" />
        Add {legend.toLowerCase().replace(/s$/, "")}
      </Button>
    </fieldset>
  );
}
