import { describe, expect, it } from "vitest";
import { FLOW_TTL_MS, PendingFlows } from "./flows";

const flow = (state: string) => ({ state, nonce: `n-${state}`, codeVerifier: `v-${state}`, redirectUri: "https://c/api/auth/oidc/callback" });

describe("PendingFlows", () => {
  it("gives a flow back once, by its id", () => {
    const flows = new PendingFlows();
    const id = flows.add(flow("a"));
    expect(flows.take(id)).toEqual(flow("a"));
    expect(flows.take(id)).toBeNull();
  });
  it("knows no unknown, empty or missing id", () => {
    const flows = new PendingFlows();
    flows.add(flow("a"));
    expect(flows.take("nope")).toBeNull();
    expect(flows.take("")).toBeNull();
    expect(flows.take(null)).toBeNull();
  });
  it("forgets a flow after its time", () => {
    let now = 1_000_000;
    const flows = new PendingFlows(() => now);
    const id = flows.add(flow("a"));
    now += FLOW_TTL_MS;
    expect(flows.take(id)).toBeNull();
  });
  it("makes ids that cannot be guessed from each other", () => {
    const flows = new PendingFlows();
    const ids = new Set(Array.from({ length: 100 }, () => flows.add(flow("x"))));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
  it("drops expired flows when new ones come", () => {
    let now = 0;
    const flows = new PendingFlows(() => now);
    flows.add(flow("a"));
    flows.add(flow("b"));
    now += FLOW_TTL_MS + 1;
    flows.add(flow("c"));
    expect(flows.size).toBe(1);
  });
});
