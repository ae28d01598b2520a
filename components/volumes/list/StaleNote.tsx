import { Clock } from "lucide-react";
import { Time } from "@/components/ui/Time";

/** While the engine does not answer, what the page shows is its last known state: say since when. */
export function StaleNote({ asOf }: { asOf: string | null }) {
  if (!asOf) return null;
  return (
    <p className="inline-flex items-center gap-1.5 rounded-md bg-warn-soft px-2 py-0.5 text-xs font-medium text-warn-fg ring-1 ring-warn-line ring-inset">
      <Clock aria-hidden className="size-3.5" />
      Out of date: as of <Time iso={asOf} />
    </p>
  );
}
