"use client";
import { ShieldCheck } from "lucide-react";
import { STATE_LOOK } from "@/components/coverage/states";
import { Badge } from "@/components/ui/Badge";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { formatDateTime } from "@/lib/format";
import { coverageTitle } from "./coverage-words";

/** A volume's coverage state, compact; the policy, times and "proven restorable" in its title. */
export function CoverageBadge({ coverage }: { coverage: CoverageVolume | undefined }) {
  if (!coverage) return <span className="text-fg-subtle">—</span>;
  const look = STATE_LOOK[coverage.state];
  return (
    <Badge tone={look.tone} title={coverageTitle(coverage, formatDateTime)}>
      {coverage.lastProvenRestorableAt && <ShieldCheck aria-hidden className="size-3" />}
      {look.label}
      {coverage.lastProvenRestorableAt && <span className="sr-only">, proven restorable</span>}
    </Badge>
  );
}
