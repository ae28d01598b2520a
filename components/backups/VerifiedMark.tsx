import { Badge } from "@/components/ui/Badge";
import type { Backup } from "@/lib/api/types";

const VERIFIED_MEANS = "Read back completely after writing; entry count and byte total match what was streamed; sha256 recorded.";

/** "verified" only when the server says so; otherwise "unverified" with its reason in words, not only on hover. */
export function VerifiedMark({ backup, withReason = true }: { backup: Pick<Backup, "verified" | "verifyReason">; withReason?: boolean }) {
  if (backup.verified) {
    return (
      <Badge tone="green" title={VERIFIED_MEANS}>
        <span aria-hidden>✓&nbsp;</span>verified
      </Badge>
    );
  }
  const reason = backup.verifyReason ?? "no reason given";
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <Badge tone="amber" title={reason}>
        <span aria-hidden>!&nbsp;</span>unverified
      </Badge>
      {withReason && <span className="max-w-56 text-xs text-warn-fg">{reason}</span>}
    </span>
  );
}
