import { RawErrorDetails } from "@/components/admin/RawErrorDetails";
import { Badge } from "@/components/ui/Badge";
import { Time } from "@/components/ui/Time";
import type { Repository } from "@/lib/api/repository-types";
import { errorParts } from "./repo-words";

/**
 * Whether the console could open the repository just now: a coloured dot (decorative) and the same in words;
 * an error as the server's sentence, restic's own words under "Details" (as an unreachable engine's).
 */
export function RepositoryStatus({ repo }: { repo: Repository }) {
  const error = repo.reachable ? null : errorParts(repo.error ?? "The repository could not be read.");
  return (
    <span className="flex items-start gap-2">
      <span aria-hidden className={`mt-1.5 size-2.5 shrink-0 rounded-full ${repo.reachable ? "bg-ok" : "bg-danger"}`} />
      {error ? (
        <span className="min-w-0">
          <span className="font-medium text-danger-fg">Unreachable.</span> <span className="text-fg-muted">{error.sentence}</span>
          {error.raw && <RawErrorDetails raw={error.raw} />}
        </span>
      ) : (
        <span>Reachable</span>
      )}
    </span>
  );
}

/** The last `restic check`: when, and whether it found the repository sound; "never" until one ran. */
export function LastCheck({ check }: { check: Repository["lastCheck"] }) {
  if (!check) return <span className="text-fg-subtle">never</span>;
  return (
    <span className="flex flex-col items-start gap-1">
      <span className="flex items-center gap-1.5">
        <Time iso={check.at} />
        <Badge tone={check.ok ? "green" : "red"}>{check.ok ? "ok" : "failed"}</Badge>
      </span>
      {check.error && <RawErrorDetails raw={check.error} label="What it found" />}
    </span>
  );
}
