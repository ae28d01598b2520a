import { Clock } from "lucide-react";
import { Time } from "@/components/ui/Time";

/**
 * While the engine does not answer, what the page shows is its last known state: say since when, as a clock time
 * like the banner ("as of 13:51"). Not relative: "as of" is stamped when the bad news came, a few seconds ahead
 * of the page's coarse relative clock, which made it read "as of in 4 seconds". The words and the time are one
 * flex item, so the badge's gap does not open a double space between them. A span: it sits in the page header's
 * description line.
 */
export function StaleNote({ asOf }: { asOf: string | null }) {
  if (!asOf) return null;
  return (
    <span className="inline-flex items-center gap-1.5 rounded-md bg-warn-soft px-2 py-0.5 text-xs font-medium text-warn-fg ring-1 ring-warn-line ring-inset">
      <Clock aria-hidden className="size-3.5" />
      <span>
        Out of date: as of <Time iso={asOf} format="clock" />
      </span>
    </span>
  );
}
