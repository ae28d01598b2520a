import type { Sort, SortKey } from "./volume-filter";

const columns: { key: SortKey | null; label: string; className?: string }[] = [
  { key: "name", label: "Name" },
  { key: "driver", label: "Driver" },
  { key: "size", label: "Size", className: "text-right" },
  { key: "containers", label: "Containers", className: "text-right" },
  { key: "created", label: "Created" },
  { key: null, label: "Labels" },
];

/** The columns plus the actions column. */
export const COLUMN_COUNT = columns.length + 1;

/** Column headers; the sortable ones are buttons and say their order to screen readers (aria-sort). */
export function VolumesTableHead({ sort, onSort }: { sort: Sort; onSort: (key: SortKey) => void }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
      <tr>
        {columns.map((c) => (
          <th
            key={c.label}
            scope="col"
            className={`px-3 py-2 font-semibold ${c.className ?? ""}`}
            aria-sort={c.key && sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
          >
            {c.key ? (
              <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-900" onClick={() => onSort(c.key!)}>
                {c.label}
                <span aria-hidden>{sort.key === c.key ? (sort.dir === "asc" ? "▲" : "▼") : ""}</span>
              </button>
            ) : (
              c.label
            )}
          </th>
        ))}
        <th scope="col" className="px-3 py-2">
          <span className="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
