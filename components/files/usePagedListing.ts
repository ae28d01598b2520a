"use client";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useCallback } from "react";

type ListingPage = { entries: unknown[]; total: number };

/**
 * A listing read a page at a time (a volume's directory, a snapshot's): the entries loaded so far, the last page
 * read (its `total` is the whole listing's length), and `needMore` for the file table's `onNeedMore`: the rows in
 * view reached past what is loaded, so the next page is fetched, one at a time, and not again after a failure
 * (the page shows that with its own retry).
 */
export function usePagedListing<P extends ListingPage>(query: UseInfiniteQueryResult<InfiniteData<P>>) {
  const pages = query.data?.pages ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage, error } = query;
  const needMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !error) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, error, fetchNextPage]);
  const entries: P["entries"][number][] = pages.flatMap((p) => p.entries);
  return { entries, last: pages.at(-1), needMore };
}
