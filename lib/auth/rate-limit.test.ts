import { describe, expect, it } from "vitest";
import { FREE_FAILURES, LoginLimiter, MAX_FAILURES, WINDOW_MS } from "./rate-limit";

// The clock is a parameter: these tests move it by hand.
const keys = (ip: string, user: string) => [`ip:${ip}`, `user:${user}`];
const T0 = 1_700_000_000_000;

function failTimes(limiter: LoginLimiter, k: string[], n: number, now = T0) {
  for (let i = 0; i < n; i++) limiter.fail(k, now);
}

describe("LoginLimiter", () => {
  it("lets the first failures through without delay, then slows each attempt more, up to a cap", () => {
    const l = new LoginLimiter();
    const k = keys("10.0.0.1", "alice");
    const delays: number[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      delays.push(l.delayMs(k, T0));
      l.fail(k, T0);
    }
    expect(delays.slice(0, FREE_FAILURES)).toEqual(Array(FREE_FAILURES).fill(0));
    const slowed = delays.slice(FREE_FAILURES);
    expect(slowed[0]).toBeGreaterThan(0);
    for (let i = 1; i < slowed.length; i++) expect(slowed[i]).toBeGreaterThanOrEqual(slowed[i - 1]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1_500);
  });

  it("refuses once the limit is reached, until the window since the first failure has passed", () => {
    const l = new LoginLimiter();
    const k = keys("10.0.0.1", "alice");
    failTimes(l, k, MAX_FAILURES - 1);
    expect(l.blockedUntil(k, T0)).toBeNull();
    l.fail(k, T0 + 1000);
    expect(l.blockedUntil(k, T0 + 1000)).toBe(T0 + WINDOW_MS);
    expect(l.blockedUntil(k, T0 + WINDOW_MS)).toBe(T0 + WINDOW_MS);
    expect(l.blockedUntil(k, T0 + WINDOW_MS + 1)).toBeNull();
    expect(l.delayMs(k, T0 + WINDOW_MS + 1)).toBe(0);
  });

  it("counts per client address and per user name: either one blocks", () => {
    const l = new LoginLimiter();
    failTimes(l, keys("10.0.0.1", "alice"), MAX_FAILURES);
    // Same address, another name: refused (the address is blocked).
    expect(l.blockedUntil(keys("10.0.0.1", "bob"), T0)).not.toBeNull();
    // Another address, same name: refused (the name is blocked).
    expect(l.blockedUntil(keys("10.0.0.2", "alice"), T0)).not.toBeNull();
    // Another address and another name: free.
    expect(l.blockedUntil(keys("10.0.0.2", "bob"), T0)).toBeNull();
  });

  it("spreads over names: many names from one address still hit the address limit", () => {
    const l = new LoginLimiter();
    for (let i = 0; i < MAX_FAILURES; i++) l.fail(keys("10.0.0.9", `user${i}`), T0);
    expect(l.blockedUntil(keys("10.0.0.9", "fresh"), T0)).not.toBeNull();
  });

  it("a success clears the name's record only; forgive takes back one failure counted in advance", () => {
    const l = new LoginLimiter();
    const k = keys("10.0.0.1", "alice");
    failTimes(l, k, 5);
    l.fail(k, T0); // counted in advance for an attempt that then succeeds
    l.succeed(["user:alice"]);
    l.forgive(["ip:10.0.0.1"], T0);
    expect(l.delayMs(["user:alice"], T0)).toBe(0);
    // The address keeps its 5 real failures: a valid account does not reset an attacker's count.
    failTimes(l, ["ip:10.0.0.1"], MAX_FAILURES - 6);
    expect(l.blockedUntil(["ip:10.0.0.1"], T0)).toBeNull();
    l.fail(["ip:10.0.0.1"], T0);
    expect(l.blockedUntil(["ip:10.0.0.1"], T0)).not.toBeNull();
  });

  it("forgive never goes below zero and ignores unknown keys", () => {
    const l = new LoginLimiter();
    l.forgive(["ip:nobody"], T0);
    l.fail(["ip:a"], T0);
    l.forgive(["ip:a"], T0);
    l.forgive(["ip:a"], T0);
    failTimes(l, ["ip:a"], MAX_FAILURES - 1);
    expect(l.blockedUntil(["ip:a"], T0)).toBeNull();
  });

  it("forgets expired records when it grows large", () => {
    const l = new LoginLimiter();
    for (let i = 0; i < 10_001; i++) l.fail([`user:u${i}`], T0);
    l.fail(["user:late"], T0 + WINDOW_MS + 1); // triggers the sweep
    expect((l as unknown as { records: Map<string, unknown> }).records.size).toBe(1);
  });
});
