"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo } from "react";
import { useWatch } from "react-hook-form";
import { enginesQuery, volumeListQuery } from "@/lib/api/queries";
import type { Selector } from "@/lib/api/policy-types";
import { plural } from "@/lib/format";
import { selectorSchema } from "@/lib/policies/schemas";
import type { CandidateVolume } from "@/lib/policies/select";
import { countMatches } from "./match-count";
import { toSelector, type PolicyFormValues } from "./policy-form";

/** Reads the selector as typed; null while it cannot be read (its fields show why). */
function selectorOf(v: PolicyFormValues): Selector | null {
  try {
    const parsed = selectorSchema.safeParse(toSelector(v));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The live "matches N volumes now" line under the selector. */
export function MatchPreview() {
  const values = useWatch() as PolicyFormValues;
  const selector = useDeferredValue(useMemo(() => selectorOf(values), [values]));
  const engines = useQuery(enginesQuery());
  const wanted = (selector?.engines ?? ["*"]) as string[];
  const ids = (engines.data ?? []).map((e) => e.id).filter((id) => wanted.includes("*") || wanted.includes(id));
  // The lists are kept by the volumes pages' queries; here they are read without polling (the form is short-lived).
  const lists = useQueries({ queries: ids.map((id) => ({ ...volumeListQuery(id), staleTime: 30_000 })) });
  const loading = engines.isPending || lists.some((l) => l.isPending);
  const volumes: CandidateVolume[] = lists.flatMap((l, i) => (l.data?.volumes ?? []).map((v) => ({ engine: ids[i], name: v.name, labels: v.labels })));
  const count = selector && !loading ? countMatches(selector, volumes) : null;
  const unanswered = lists.filter((l) => l.isError).length;

  return (
    <p aria-live="polite" className="rounded-md bg-surface-2 px-3 py-2 text-sm text-fg-muted" data-testid="policy-matches">
      {!selector ? (
        "Fix the selector to see what it matches."
      ) : !count ? (
        "Counting the volumes it matches…"
      ) : (
        <>
          Matches <strong className="font-semibold text-fg">{plural(count.selected, "volume")}</strong> now
          {count.sample.length > 0 && `: ${count.sample.join(", ")}${count.selected > count.sample.length ? ", …" : ""}`}
          {count.excluded > 0 && ` (${count.excluded} excluded)`}
          {count.selected === 0 && " — a policy that matches nothing is allowed; it picks up volumes created later."}
          {unanswered > 0 && ` ${plural(unanswered, "engine")} did not answer.`}
        </>
      )}
    </p>
  );
}
