import { handler, json } from "@/lib/http/handler";
import { toolStates } from "@/lib/restic/version";

// `tools` (extra): whether repositories can work here — "ok", or a sentence saying what is missing or too old.
export const GET = handler({ public: true }, async () => {
  const { restic, rclone } = await toolStates();
  const word = (t: typeof restic) => (t.ok ? "ok" : t.problem);
  return json({ ok: true, tools: { restic: word(restic), rclone: word(rclone) } });
});
