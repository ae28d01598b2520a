// Query keys and query/mutation options of the notifications admin page (client side).
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "./fetcher";
import type { Channel, ChannelBody, Delivery } from "./notify-schemas";

export const DELIVERIES_REFRESH_MS = 5_000;

// Under "admin": every admin change refreshes the whole admin area (and its audit trail).
export const notifyKeys = {
  all: () => ["admin", "notifications"] as const,
  channels: () => ["admin", "notifications", "channels"] as const,
  deliveries: () => ["admin", "notifications", "deliveries"] as const,
};

const CHANNELS = "/api/notifications/channels";
const channelPath = (id: string) => `${CHANNELS}/${encodeURIComponent(id)}`;

export const channelsQuery = () =>
  queryOptions({ queryKey: notifyKeys.channels(), queryFn: () => apiFetch<{ channels: Channel[] }>(CHANNELS).then((r) => r.channels) });

/** The newest 200 attempts; refreshed while open (retries land in the background). */
export const deliveriesQuery = () =>
  queryOptions({
    queryKey: notifyKeys.deliveries(),
    queryFn: () => apiFetch<{ deliveries: Delivery[] }>("/api/notifications/deliveries").then((r) => r.deliveries),
    refetchInterval: DELIVERIES_REFRESH_MS,
  });

const invalidate = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ["admin"] });

export const saveChannelMutation = (qc: QueryClient, id: string | null) => ({
  mutationFn: (body: ChannelBody) => apiFetch<Channel>(id ? channelPath(id) : CHANNELS, { method: id ? "PUT" : "POST", json: body }),
  onSettled: () => invalidate(qc),
});

export const removeChannelMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<void>(channelPath(id), { method: "DELETE" }),
  onSettled: () => invalidate(qc),
});

export const testChannelMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<Delivery>(`${channelPath(id)}/test`, { method: "POST" }),
  onSettled: () => invalidate(qc),
});
