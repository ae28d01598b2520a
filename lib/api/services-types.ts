import type { Service } from "./types";

/** GET /api/engines/{engine}/services. `swarmManager` (extra) tells "not a manager" from "no services". */
export type ServicesAnswer = { services: Service[]; swarmManager: boolean };
