import { handler, json } from "@/lib/http/handler";

export const GET = handler({ public: true }, async () => json({ ok: true }));
