import { coverage } from "@/lib/coverage/coverage";
import { handler, json } from "@/lib/http/handler";

/** Every volume of every engine that answers, with its protection state; counts per state. */
export const GET = handler(async () => json(await coverage()));
