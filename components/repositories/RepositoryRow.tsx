import { DangerAction } from "@/components/ui/DangerAction";
import { PathText } from "@/components/ui/PathText";
import type { Repository } from "@/lib/api/repository-types";
import { formatBytes } from "@/lib/format";
import { CheckScheduleCell } from "./CheckScheduleCell";
import { KIND_META } from "./repo-kinds";
import { dedupRatio } from "./repo-words";
import { LastCheck, RepositoryStatus } from "./RepositoryStatus";

/** The grid of a repository row on a wide screen (the checks column the widest: its schedule is a sentence); on a phone the same cells stack into a card. */
export const ROW_GRID =
  "lg:grid lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1.2fr)_5.5rem_5rem_4.5rem_minmax(0,1.5fr)_4.5rem] lg:items-start lg:gap-4";

const figure = "min-w-0 lg:text-right lg:tabular-nums";
const figureLabel = "text-xs text-fg-muted lg:sr-only";

/** One repository: name and kind, location, live status, figures, last and next check and (admins) Remove. */
export function RepositoryRow({
  repo,
  onRemove,
  onEditCheck,
}: {
  repo: Repository;
  onRemove: ((repo: Repository) => void) | null;
  onEditCheck: ((repo: Repository) => void) | null;
}) {
  const { label, icon: KindIcon } = KIND_META[repo.kind];
  const ratio = dedupRatio(repo);
  const remove = onRemove && <DangerAction label="Remove" context={`repository ${repo.id}`} onClick={() => onRemove(repo)} />;
  return (
    <li id={`repository-${repo.id}`} aria-label={`Repository ${repo.id}`} className={`space-y-2 px-4 py-3 text-sm lg:space-y-0 ${ROW_GRID}`}>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="font-medium text-fg [overflow-wrap:anywhere]">{repo.name}</div>
          {repo.name !== repo.id && <div className="font-mono text-xs text-fg-subtle [overflow-wrap:anywhere]">{repo.id}</div>}
          <div className="mt-0.5 flex items-center gap-1 text-xs text-fg-muted">
            <KindIcon aria-hidden className="size-3.5" />
            {label}
          </div>
        </div>
        {remove && <div className="-my-1 lg:hidden">{remove}</div>}
      </div>
      <div className="min-w-0 text-xs">
        <span className="sr-only">Location: </span>
        <PathText path={repo.location} />
      </div>
      <div className="min-w-0">
        <RepositoryStatus repo={repo} />
      </div>
      {/* On a wide screen each figure is a column of the row's grid (contents); on a phone they share a line. */}
      <dl className="grid grid-cols-3 gap-2 lg:contents">
        <div className={figure}>
          <dt className={figureLabel}>Snapshots</dt>
          <dd>{repo.snapshots ?? <span className="text-fg-subtle">—</span>}</dd>
        </div>
        <div className={figure}>
          <dt className={figureLabel}>Stored</dt>
          <dd className="whitespace-nowrap">{repo.storedBytes === null ? <span className="text-fg-subtle">—</span> : formatBytes(repo.storedBytes)}</dd>
        </div>
        <div className={figure}>
          <dt className={figureLabel}>Dedup</dt>
          <dd title={ratio.title} className={ratio.known ? "" : "text-fg-subtle"}>
            {ratio.text}
          </dd>
        </div>
      </dl>
      <div className="min-w-0">
        <span className={`${figureLabel} mr-1`}>Last check:</span>
        <LastCheck check={repo.lastCheck} />
        <div className="mt-1">
          <CheckScheduleCell schedule={repo.checkSchedule} onEdit={onEditCheck && (() => onEditCheck(repo))} />
        </div>
      </div>
      <div className="hidden justify-end lg:-my-1.5 lg:flex">{remove}</div>
    </li>
  );
}
