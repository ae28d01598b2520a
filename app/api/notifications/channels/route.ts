import { handler, json, readJson } from "@/lib/http/handler";
import { addChannel, listChannels } from "@/lib/notify/channels";
import { channelBody } from "@/lib/api/notify-schemas";

// Channels hold secrets (never answered) and addresses of internal systems: admins only, reading too.
export const GET = handler({ role: "admin" }, async () => json({ channels: listChannels() }));

export const POST = handler({ role: "admin", audit: "notification.channel.add" }, async (req, _params, ctx) => {
  const channel = addChannel(await readJson(req, channelBody));
  ctx.target = channel.id;
  Object.assign(ctx.audit, { kind: channel.kind, events: channel.events ?? "all" });
  return json(channel, 201);
});
