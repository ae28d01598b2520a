import { createHmac } from "node:crypto";

// The webhook signature: HMAC-SHA256 of the exact body bytes sent, keyed with the channel's secret, as
// `X-Voldeck-Signature: sha256=<hex>` (the form GitHub's webhooks use, so receivers' code carries over).
export const SIGNATURE_HEADER = "X-Voldeck-Signature";

export const signature = (secret: string, body: string): string => `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
