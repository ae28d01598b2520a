// Query options for Swarm services: the only place components get them from.
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./fetcher";
import { queryKeys } from "./queries";
import type { ServicesAnswer } from "./services-types";

// Under the engine's key, so the engine's events refresh it like everything else the engine shows. Tasks
// placed on other nodes send no event to this engine: the list is also read again now and then.
const SERVICES_REFRESH_MS = 15_000;

export const servicesQuery = (engine: string) =>
  queryOptions({
    queryKey: [...queryKeys.engine(engine), "services"] as const,
    queryFn: () => apiFetch<ServicesAnswer>(`/api/engines/${encodeURIComponent(engine)}/services`),
    refetchInterval: SERVICES_REFRESH_MS,
  });
