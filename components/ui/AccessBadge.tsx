import { Badge } from "./Badge";

/** Read-only mounts are the exception worth noticing, so only they get colour. */
export function AccessBadge({ readOnly }: { readOnly: boolean }) {
  return (
    <Badge tone={readOnly ? "amber" : "slate"}>
      <span className="whitespace-nowrap">{readOnly ? "read-only" : "read-write"}</span>
    </Badge>
  );
}
