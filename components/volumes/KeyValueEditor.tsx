"use client";
import { Button } from "@/components/ui/Button";

export type Pair = { key: string; value: string };

/** Rows of key=value inputs (driver options, labels), each labelled for screen readers. */
export function KeyValueEditor({
  legend,
  pairs,
  onChange,
  keyPlaceholder,
  valuePlaceholder,
}: {
  legend: string;
  pairs: Pair[];
  onChange: (pairs: Pair[]) => void;
  keyPlaceholder: string;
  valuePlaceholder: string;
}) {
  const set = (i: number, patch: Partial<Pair>) => onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      {pairs.map((p, i) => (
        <div key={i} className="flex items-center gap-2">
          <input
            aria-label={`${legend} ${i + 1} key`}
            value={p.key}
            onChange={(e) => set(i, { key: e.target.value })}
            placeholder={keyPlaceholder}
            className="w-40 rounded-md border border-line-strong px-2 py-1 text-sm"
          />
          <span aria-hidden>=</span>
          <input
            aria-label={`${legend} ${i + 1} value`}
            value={p.value}
            onChange={(e) => set(i, { value: e.target.value })}
            placeholder={valuePlaceholder}
            className="min-w-0 flex-1 rounded-md border border-line-strong px-2 py-1 text-sm"
          />
          <Button variant="ghost" aria-label={`Remove ${legend.toLowerCase()} ${i + 1}`} onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <Button variant="ghost" onClick={() => onChange([...pairs, { key: "", value: "" }])}>
        + Add {legend.toLowerCase().replace(/s$/, "")}
      </Button>
    </fieldset>
  );
}

/** Rows with an empty key are ignored; null when the remaining keys repeat. */
export function pairsToRecord(pairs: Pair[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const key = p.key.trim();
    if (!key) continue;
    if (key in out) return null;
    out[key] = p.value;
  }
  return out;
}
