import { handler, json, parseParam } from "@/lib/http/handler";
import { listDeliveries } from "@/lib/notify/deliveries";
import { deliveriesQuery } from "@/lib/api/notify-schemas";

export const GET = handler({ role: "admin" }, async (req) => {
  const { channel } = parseParam(deliveriesQuery, Object.fromEntries(new URL(req.url).searchParams));
  return json({ deliveries: listDeliveries(channel) });
});
