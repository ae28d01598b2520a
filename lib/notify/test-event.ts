import "server-only";
import type { SendableChannel } from "./channels";
import { recordDelivery } from "./deliveries";
import { TEST_EVENT } from "@/lib/api/notify-events";
import type { Delivery } from "@/lib/api/notify-schemas";
import { sendOnce } from "./send";

/** "Send test": one attempt now, whatever the channel's event filter, recorded; answers the delivery. */
export async function sendTest(channel: SendableChannel, by: string | null): Promise<Delivery> {
  const event = { event: TEST_EVENT, at: new Date().toISOString(), message: `A test notification from Voldeck${by ? `, sent by ${by}` : ""}.` };
  const outcome = await sendOnce(channel, event);
  return recordDelivery({ channel: channel.id, event: TEST_EVENT, at: new Date().toISOString(), attempt: 1, ...outcome });
}
