import { handler, json, parseParam, readJson } from "@/lib/http/handler";
import { getChannel, removeChannel, updateChannel } from "@/lib/notify/channels";
import { channelBody, channelId } from "@/lib/api/notify-schemas";

type Params = { id: string };

export const GET = handler<Params>({ role: "admin" }, async (_req, { id }) => json(getChannel(parseParam(channelId, id))));

export const PUT = handler<Params>({ role: "admin", audit: "notification.channel.update" }, async (req, { id }, ctx) => {
  const channel = updateChannel(parseParam(channelId, id), await readJson(req, channelBody));
  Object.assign(ctx.audit, { kind: channel.kind, events: channel.events ?? "all" });
  return json(channel);
});

// Its deliveries stay in the history.
export const DELETE = handler<Params>({ role: "admin", audit: "notification.channel.remove" }, async (_req, { id }) => {
  removeChannel(parseParam(channelId, id));
  return new Response(null, { status: 204 });
});
