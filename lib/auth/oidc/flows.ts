// The sign-ins under way: what the callback must check (state, nonce, PKCE verifier), kept in this process's
// memory and bound to the browser by a random, HttpOnly cookie that names the flow. Kept server-side rather
// than in a signed cookie so no signing key has to be made, stored and rotated; a restart only cancels the
// sign-ins of the last few minutes. Each flow is taken once (a replayed callback finds nothing). Pure, unit-tested.
import { randomBytes } from "node:crypto";

export type PendingFlow = { state: string; nonce: string; codeVerifier: string; redirectUri: string };

export const FLOW_TTL_MS = 10 * 60_000;
// Anyone may start a sign-in, so the map is bounded: past this, the oldest flows are dropped first.
const MAX_FLOWS = 5_000;

export class PendingFlows {
  private readonly flows = new Map<string, PendingFlow & { expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers a flow; answers the id the browser's cookie carries. */
  add(flow: PendingFlow): string {
    this.prune();
    const id = randomBytes(24).toString("base64url");
    this.flows.set(id, { ...flow, expires: this.now() + FLOW_TTL_MS });
    return id;
  }

  /** The flow once, and forgets it; null when unknown, already taken, or expired. */
  take(id: string | null | undefined): PendingFlow | null {
    if (!id) return null;
    const flow = this.flows.get(id);
    if (!flow) return null;
    this.flows.delete(id);
    if (flow.expires <= this.now()) return null;
    const { expires: _, ...rest } = flow;
    return rest;
  }

  get size(): number {
    return this.flows.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, flow] of this.flows) if (flow.expires <= now) this.flows.delete(id);
    // A Map iterates in insertion order: the first keys are the oldest.
    for (const id of this.flows.keys()) {
      if (this.flows.size < MAX_FLOWS) break;
      this.flows.delete(id);
    }
  }
}
