// "Matches N volumes now", worked out in the browser from the volume lists it already holds (the same queries as
// the volumes pages) with the server's own selection rules (lib/policies/select.ts, pure): no extra request per
// keystroke, and the same answer the policy's next run would give.
import { judge, type CandidateVolume } from "@/lib/policies/select";
import type { Selector } from "@/lib/api/policy-types";

export type MatchCount = { selected: number; excluded: number; sample: string[] };

export function countMatches(selector: Selector, volumes: Iterable<CandidateVolume>, sampleSize = 5): MatchCount {
  const out: MatchCount = { selected: 0, excluded: 0, sample: [] };
  for (const v of volumes) {
    const verdict = judge(selector, v);
    if (verdict === "excluded") out.excluded++;
    if (verdict !== "selected") continue;
    out.selected++;
    if (out.sample.length < sampleSize) out.sample.push(v.name);
  }
  return out;
}
