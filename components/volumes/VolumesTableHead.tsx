import type { Sort, SortKey } from "./volume-filter";

// Fixed widths let the table lay out from its header alone (table-fixed): rows coming and going while a
// long list scrolls then cost no re-measuring of every column.
const columns: { key: SortKey | null; label: string; className?: string }[] = [
  { key: "name", label: "Name" },
  { key: "driver", label: "Driver", className: "w-24" },
  { key: "size", label: "Size", className: "w-28 text-right" },
  { key: "containers", label: "Containers", className: "w-32 text-right" },
  { key: "lastUsed", label: "Last used", className: "w-44" },
  { key: "created", label: "Created", className: "w-32" },
  { key: null, label: "Labels", className: "w-64" },
];

/** The columns plus the actions column, and the selection column when there is one. */
export const columnCount = (withSelection: boolean) => columns.length + 1 + (withSelection ? 1 : 0);

/** The header's select-all box: for the rows the filters show. */
export type SelectAll = { all: boolean; some: boolean; onChange: (checked: boolean) => void };

/** Column headers; the sortable ones are buttons and say their order to screen readers (aria-sort). */
export function VolumesTableHead({ sort, onSort, selectAll }: { sort: Sort; onSort: (key: SortKey) => void; selectAll?: SelectAll }) {
  return (
    <thead className="border-b border-line bg-surface-2 text-xs uppercase tracking-wide text-fg-muted">
      <tr>
        {selectAll && (
          <th scope="col" className="w-8 py-2 pl-3">
            <input
              type="checkbox"
              aria-label="Select all shown volumes"
              checked={selectAll.all}
              // "Some but not all": a DOM property only, no attribute for it.
              ref={(el) => {
                if (el) el.indeterminate = selectAll.some && !selectAll.all;
              }}
              onChange={(e) => selectAll.onChange(e.target.checked)}
              className="h-4 w-4 align-middle"
            />
          </th>
        )}
        {columns.map((c) => (
          <th
            key={c.label}
            scope="col"
            className={`px-3 py-2 font-semibold ${c.className ?? ""}`}
            aria-sort={c.key && sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
          >
            {c.key ? (
              <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-fg" onClick={() => onSort(c.key!)}>
                {c.label}
                <span aria-hidden>{sort.key === c.key ? (sort.dir === "asc" ? "▲" : "▼") : ""}</span>
              </button>
            ) : (
              c.label
            )}
          </th>
        ))}
        <th scope="col" className="w-24 px-3 py-2">
          <span className="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
