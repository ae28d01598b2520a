// The all-engines view's queries: one per engine, so each engine's rows show as soon as that engine answers.
import { queryOptions } from "@tanstack/react-query";
import type { AllVolumes } from "./all-engines-types";
import { apiFetch } from "./fetcher";
import { queryKeys } from "./queries";

// Engine events are followed for one engine at a time (a browser keeps only ~6 connections per host open, so
// one event stream per engine would starve the page's own requests): the all view refreshes on an interval.
export const ALL_VOLUMES_REFRESH_MS = 4_000;

/** One engine's part of GET /api/volumes; under the engine's key, so its events refresh it too. */
export const engineVolumesQuery = (engine: string) =>
  queryOptions({
    queryKey: [...queryKeys.engine(engine), "all-engines"] as const,
    queryFn: () => apiFetch<AllVolumes>(`/api/volumes?engine=${encodeURIComponent(engine)}`),
    refetchInterval: ALL_VOLUMES_REFRESH_MS,
  });

/** The engine list (status dots in the switcher, sections of the all view). */
export const ENGINES_REFRESH_MS = 10_000;
