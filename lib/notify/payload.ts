import type { NotifyEvent } from "@/lib/api/notify-events";

// What a notification says, per channel kind. Pure: unit-tested beside it.

/** The webhook body: exactly {event, at, engine?, volume?, policy?, message}, in that order. */
export function webhookBody(e: NotifyEvent & { at: string }): string {
  const body: Record<string, string> = { event: e.event, at: e.at };
  for (const key of ["engine", "volume", "policy"] as const) if (e[key] !== undefined) body[key] = e[key];
  body.message = e.message;
  return JSON.stringify(body);
}

/** A one-line title: the event and what it is about ("backup.failed: db-data on local"). */
export function title(e: NotifyEvent): string {
  const subject = e.volume ?? e.policy;
  const about = subject ? (e.engine ? `${subject} on ${e.engine}` : subject) : e.engine ? `engine ${e.engine}` : "";
  return `Voldeck ${e.event}${about ? `: ${about}` : ""}`;
}

/** The plain-text message of pushes and e-mails: the message, then the facts it is about. */
export function plainText(e: NotifyEvent & { at: string }): string {
  const facts = (["engine", "volume", "policy"] as const).filter((k) => e[k] !== undefined).map((k) => `${k}: ${e[k]}`);
  return [e.message, "", ...facts, `event: ${e.event}`, `at: ${e.at}`].join("\n");
}
