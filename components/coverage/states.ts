import type { CoverageState } from "@/lib/api/coverage-types";

// How each coverage state looks and reads, in one place (chart, legend, badges, filter).
export const STATE_LOOK: Record<CoverageState, { label: string; fill: string; tone: "green" | "amber" | "red" | "slate" | "violet"; hint: string }> = {
  protected: { label: "Protected", fill: "fill-ok", tone: "green", hint: "a policy backs it up and the last success is recent" },
  stale: { label: "Stale", fill: "fill-warn", tone: "amber", hint: "no success within twice its policy's interval" },
  failing: { label: "Failing", fill: "fill-danger", tone: "red", hint: "its policy's last run failed for it" },
  excluded: { label: "Excluded", fill: "fill-info-fg", tone: "violet", hint: "voldeck.backup=false, or a policy's exclusion" },
  unprotected: { label: "Unprotected", fill: "fill-fg-subtle", tone: "slate", hint: "no policy and no schedule backs it up" },
};
