import { handler, json, parseParam } from "@/lib/http/handler";
import { sendableChannel } from "@/lib/notify/channels";
import { sendTest } from "@/lib/notify/test-event";
import { channelId } from "@/lib/api/notify-schemas";

type Params = { id: string };

// One attempt now (no retries: the admin is waiting), recorded like any delivery; answers its outcome.
export const POST = handler<Params>({ role: "admin", audit: "notification.channel.test" }, async (_req, { id }, ctx) => {
  const delivery = await sendTest(sendableChannel(parseParam(channelId, id)), ctx.principal?.username ?? null);
  Object.assign(ctx.audit, { ok: delivery.ok, error: delivery.error });
  return json(delivery);
});
