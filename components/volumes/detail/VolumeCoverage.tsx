"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { coverageQuery } from "@/components/coverage/coverage-queries";
import { newPolicyHref } from "@/components/policies/new-policy-link";
import { useCan } from "@/components/auth/SessionProvider";
import { TextLink } from "@/components/ui/TextLink";
import { Time } from "@/components/ui/Time";
import type { CoverageAnswer } from "@/lib/api/coverage-types";
import { CoverageBadge } from "../CoverageBadge";
import { protectorWords } from "../coverage-words";

/** "Covered by policy X, last success …, next run …" — or "Not protected by any policy", with a way to change that. */
export function VolumeCoverage({ engine, name }: { engine: string; name: string }) {
  const canChange = useCan("operator");
  const pick = useCallback((a: CoverageAnswer) => a.volumes.find((v) => v.engine === engine && v.volume === name) ?? null, [engine, name]);
  const coverage = useQuery({ ...coverageQuery(), select: pick });
  const c = coverage.data;
  if (c === undefined) return null; // loading, or the coverage could not be read: the panel's other parts still answer
  const by = c ? protectorWords(c) : null;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-muted" data-testid="volume-coverage">
      {c && <CoverageBadge coverage={c} />}
      {!c || c.state === "unprotected" ? (
        <span>Not protected by any policy. {canChange && <TextLink href={newPolicyHref(engine, name)}>Create a policy for it</TextLink>}</span>
      ) : c.state === "excluded" ? (
        <span>Excluded from policies{c.excludedBy ? ` (${c.excludedBy})` : ""}.</span>
      ) : (
        <span>
          Covered by {by}, last success <Time iso={c.lastSuccessAt} empty="never" />, next run <Time iso={c.nextRunAt} empty="none" />
          {c.lastProvenRestorableAt && (
            <>
              , last proven restorable <Time iso={c.lastProvenRestorableAt} />
            </>
          )}
          .
        </span>
      )}
    </div>
  );
}
