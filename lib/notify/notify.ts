import "server-only";
import { channelsFor, type SendableChannel } from "./channels";
import { recordDelivery } from "./deliveries";
import type { NotifyEvent } from "@/lib/api/notify-events";
import { retryDelays } from "./retry";
import { sendOnce, type Outcome } from "./send";

// Raising an event: every channel that wants it gets it, each on its own, in the background. notify() returns
// at once and never throws — a backup, a drill or the scheduler goes on whatever the receivers do — and every
// attempt is recorded (deliveries.ts), retried with backoff (retry.ts) while it fails.

export function notify(event: NotifyEvent): void {
  try {
    const timed = { ...event, at: event.at ?? new Date().toISOString() };
    for (const channel of channelsFor(event.event)) void deliver(channel, timed);
  } catch (e) {
    // The channels could not be read (a full disk, say): the event is lost, the caller goes on.
    console.error(`voldeck: notification "${event.event}" not sent:`, e);
  }
}

/** Sends one event to one channel, trying again after each delay while it fails; answers the last outcome. */
export async function deliver(channel: SendableChannel, event: NotifyEvent & { at: string }, delays = retryDelays()): Promise<Outcome> {
  let outcome: Outcome = { ok: false, status: null, error: "not sent" };
  for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, delays[attempt - 2]));
    outcome = await sendOnce(channel, event);
    try {
      recordDelivery({ channel: channel.id, event: event.event, at: new Date().toISOString(), attempt, ...outcome });
    } catch (e) {
      console.error(`voldeck: could not record a notification delivery to channel ${channel.id}:`, e);
    }
    if (outcome.ok) break;
  }
  return outcome;
}
