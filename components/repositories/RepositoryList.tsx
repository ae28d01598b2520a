import type { Repository } from "@/lib/api/repository-types";
import { RepositoryRow, ROW_GRID } from "./RepositoryRow";

/**
 * Every repository as a row of a grid on a wide screen and as a card on a phone (as the schedules): all its
 * facts stay readable at 390 px instead of scrolling sideways. The column heads are visual only; each cell
 * says what it is. `onRemove` and `onEditCheck` null: read only (not an admin).
 */
export function RepositoryList({
  repositories,
  onRemove,
  onEditCheck,
}: {
  repositories: Repository[];
  onRemove: ((repo: Repository) => void) | null;
  onEditCheck: ((repo: Repository) => void) | null;
}) {
  return (
    <div>
      <div aria-hidden className={`hidden border-b border-line bg-surface-2 px-4 py-2 text-xs font-semibold tracking-wide text-fg-muted uppercase ${ROW_GRID}`}>
        <span>Repository</span>
        <span>Location</span>
        <span>Status</span>
        <span className="text-right">Snapshots</span>
        <span className="text-right">Stored</span>
        <span className="text-right" title="Deduplication and compression: the snapshots' full size over what the repository stores">
          Dedup
        </span>
        <span>Checks</span>
        <span />
      </div>
      <ul aria-label="Repositories" className="divide-y divide-line">
        {repositories.map((r) => (
          <RepositoryRow key={r.id} repo={r} onRemove={onRemove} onEditCheck={onEditCheck} />
        ))}
      </ul>
    </div>
  );
}
