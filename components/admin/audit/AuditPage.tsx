"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { EmptyState, Loading } from "@/components/ui/States";
import { textParam } from "@/components/ui/url-text-param";
import { useUrlState } from "@/components/ui/useUrlState";
import { useUrlText } from "@/components/ui/useUrlText";
import { AUDIT_REFRESH_MS, auditQuery } from "@/lib/api/admin-queries";
import { plural } from "@/lib/format";
import { AdminHeader } from "../AdminHeader";
import { filterAudit } from "./audit-filter";
import { AuditTable } from "./AuditTable";

// The filter lives in the URL (?q=): a reload, Back and a shared link show the same entries.
const FILTER_PARAM = textParam("q");

export function AuditPage() {
  const audit = useInfiniteQuery(auditQuery());
  const [urlFilter, setUrlFilter] = useUrlState(FILTER_PARAM.read, FILTER_PARAM.write);
  const [filter, setFilter] = useUrlText(urlFilter, setUrlFilter);
  const deferred = useDeferredValue(filter);
  const all = useMemo(() => audit.data?.pages.flat() ?? [], [audit.data]);
  const shown = useMemo(() => filterAudit(all, deferred), [all, deferred]);

  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <AdminHeader id="audit-heading" title="Audit trail">
        Who did what, to which volume, backup, user or token; when, from where, and whether it worked. Newest first; refreshes every {AUDIT_REFRESH_MS / 1000}{" "}
        seconds.
      </AdminHeader>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-fg">
          Filter
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="action, who or target"
            className="mt-1 block w-72 rounded-md border border-line-strong px-2.5 py-1.5 text-sm font-normal"
          />
        </label>
        {audit.data && (
          <p className="pb-1.5 text-sm text-fg-muted" aria-live="polite">
            {filter ? `${shown.length} of ${plural(all.length, "loaded entry", "loaded entries")}` : plural(all.length, "entry", "entries")}
          </p>
        )}
      </div>
      {audit.error && (
        <ErrorAlert
          error={audit.error}
          title={audit.data ? "Could not refresh the audit trail; showing what was last loaded." : "The audit trail could not be loaded."}
        />
      )}
      {audit.isPending ? (
        <Loading label="Loading the audit trail…" />
      ) : shown.length ? (
        <AuditTable entries={shown} />
      ) : (
        audit.data && (
          <EmptyState title={filter ? "No loaded entry matches this filter." : "Nothing has been recorded yet."}>
            {filter && audit.hasNextPage ? <p>Older entries are not loaded yet.</p> : null}
          </EmptyState>
        )
      )}
      {audit.hasNextPage && (
        <Button onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? "Loading…" : "Load older entries"}
        </Button>
      )}
    </section>
  );
}
