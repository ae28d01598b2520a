import "server-only";
import nodemailer from "nodemailer";
import type { SendableChannel } from "./channels";
import type { NotifyEvent } from "@/lib/api/notify-events";
import { plainText, title, webhookBody } from "./payload";
import { SIGNATURE_HEADER, signature } from "./signature";

// One attempt to deliver one event to one channel, within ATTEMPT_TIMEOUT_MS. Answers the outcome instead of
// throwing: the caller records every attempt and decides whether to try again.
export const ATTEMPT_TIMEOUT_MS = 10_000;

export type Outcome = { ok: boolean; status: number | null; error: string | null };

type Timed = NotifyEvent & { at: string };

export async function sendOnce(channel: SendableChannel, event: Timed): Promise<Outcome> {
  try {
    if (channel.kind === "smtp") return await sendMail(channel, event);
    const { body, headers } = channel.kind === "webhook" ? webhookRequest(channel, event) : pushRequest(channel, event);
    // No redirects: a receiver that moved answers 3xx, recorded as a failure that says where it points.
    const res = await fetch(channel.url!, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
    await res.body?.cancel().catch(() => {});
    if (res.ok) return { ok: true, status: res.status, error: null };
    const moved = res.headers.get("location");
    return { ok: false, status: res.status, error: `the receiver answered HTTP ${res.status}${moved ? ` (redirect to ${moved})` : ""}` };
  } catch (e) {
    return { ok: false, status: null, error: reason(e) };
  }
}

function webhookRequest(channel: SendableChannel, event: Timed) {
  const body = webhookBody(event);
  const headers: Record<string, string> = { "Content-Type": "application/json", "User-Agent": "Voldeck", "X-Voldeck-Event": event.event };
  if (channel.secret) headers[SIGNATURE_HEADER] = signature(channel.secret, body);
  return { body, headers };
}

// ntfy takes the message as the plain body and the rest as headers; Gotify wants JSON. Both take the token
// as a bearer token.
function pushRequest(channel: SendableChannel, event: Timed) {
  const headers: Record<string, string> = { "User-Agent": "Voldeck" };
  if (channel.secret) headers.Authorization = `Bearer ${channel.secret}`;
  const heading = channel.title || title(event);
  if (channel.format === "gotify") {
    headers["Content-Type"] = "application/json";
    return { body: JSON.stringify({ title: heading, message: plainText(event), priority: channel.priority ?? 5 }), headers };
  }
  headers["Content-Type"] = "text/plain; charset=utf-8";
  // Header values must be ISO-8859-1: other characters are replaced rather than failing the request.
  headers.Title = heading.replace(/[^\x20-\x7e]/g, "?");
  if (channel.priority !== undefined) headers.Priority = String(Math.min(channel.priority, 5));
  headers.Tags = event.event === "test" ? "white_check_mark" : "warning";
  return { body: plainText(event), headers };
}

async function sendMail(channel: SendableChannel, event: Timed): Promise<Outcome> {
  const s = channel.smtp!;
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === "tls",
    requireTLS: s.security === "starttls",
    ignoreTLS: s.security === "none",
    auth: s.user ? { user: s.user, pass: channel.secret ?? "" } : undefined,
    connectionTimeout: ATTEMPT_TIMEOUT_MS,
    greetingTimeout: ATTEMPT_TIMEOUT_MS,
    socketTimeout: ATTEMPT_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ from: s.from, to: s.to, subject: title(event), text: plainText(event) });
    return { ok: true, status: null, error: info.rejected.length ? `refused for ${info.rejected.join(", ")}` : null };
  } finally {
    transport.close();
  }
}

/** A sentence for the record; never the secret (the errors here carry addresses and codes, not credentials). */
function reason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string }; code?: string };
  if (err?.name === "TimeoutError") return `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`;
  const cause = err?.cause?.message ?? err?.cause?.code;
  return cause ? `${err.message}: ${cause}` : (err?.message ?? String(e));
}
