import { describe, expect, it } from "vitest";
import { ADDRESS_LIMIT, FREE_FAILURES, KNOWN_PER_USER, LoginLimiter, MAX_DELAY_MS, MAX_KNOWN_USERS, MAX_RECORDS, PAIR_LIMIT, WINDOW_MS } from "./rate-limit";

// The clock is a parameter: these tests move it by hand.
const T0 = 1_700_000_000_000;
const at = (name: string, ip: string) => ({ name, ip });

function failTimes(l: LoginLimiter, a: { name: string; ip: string }, n: number, now = T0) {
  for (let i = 0; i < n; i++) l.fail(a, now);
}

describe("LoginLimiter: one (name, address) pair", () => {
  it("lets the first failures through without delay, then slows each attempt more, up to a cap", () => {
    const l = new LoginLimiter();
    const a = at("alice", "10.0.0.1");
    const delays: number[] = [];
    for (let i = 0; i < PAIR_LIMIT; i++) {
      delays.push(l.delayMs(a, T0));
      l.fail(a, T0);
    }
    expect(delays.slice(0, FREE_FAILURES)).toEqual(Array(FREE_FAILURES).fill(0));
    const slowed = delays.slice(FREE_FAILURES);
    expect(slowed[0]).toBeGreaterThan(0);
    for (let i = 1; i < slowed.length; i++) expect(slowed[i]).toBeGreaterThan(slowed[i - 1]);
    failTimes(l, a, 100);
    expect(l.delayMs(a, T0)).toBe(MAX_DELAY_MS);
  });

  it("refuses once the pair's limit is reached, until the window since its first failure has passed", () => {
    const l = new LoginLimiter();
    const a = at("alice", "10.0.0.1");
    failTimes(l, a, PAIR_LIMIT - 1);
    expect(l.blockedUntil(a, T0)).toBeNull();
    l.fail(a, T0 + 1000);
    expect(l.blockedUntil(a, T0 + 1000)).toBe(T0 + WINDOW_MS);
    expect(l.blockedUntil(at("ALICE", "10.0.0.1"), T0 + 1000)).toBe(T0 + WINDOW_MS); // names in any case
    expect(l.blockedUntil(a, T0 + WINDOW_MS + 1)).toBeNull();
    expect(l.delayMs(a, T0 + WINDOW_MS + 1)).toBe(0);
  });
});

describe("LoginLimiter: nobody can lock everyone out", () => {
  it("ten bad guesses for one name from 127.0.0.1 refuse neither another name there nor that name elsewhere", () => {
    const l = new LoginLimiter();
    failTimes(l, at("alice", "127.0.0.1"), PAIR_LIMIT);
    expect(l.blockedUntil(at("alice", "127.0.0.1"), T0)).not.toBeNull();
    expect(l.blockedUntil(at("admin", "127.0.0.1"), T0)).toBeNull();
    expect(l.delayMs(at("admin", "127.0.0.1"), T0)).toBe(0);
    // The name is slowed from anywhere, never refused.
    expect(l.blockedUntil(at("alice", "10.0.0.2"), T0)).toBeNull();
    expect(l.delayMs(at("alice", "10.0.0.2"), T0)).toBeGreaterThan(0);
  });

  it("guesses over many names from one address: refused only past the much higher address ceiling", () => {
    const l = new LoginLimiter();
    for (let i = 0; i < ADDRESS_LIMIT - 1; i++) l.fail(at(`user${i}`, "10.0.0.9"), T0);
    expect(l.blockedUntil(at("fresh", "10.0.0.9"), T0)).toBeNull();
    l.fail(at("another", "10.0.0.9"), T0);
    expect(l.blockedUntil(at("fresh", "10.0.0.9"), T0)).toBe(T0 + WINDOW_MS);
    expect(l.blockedUntil(at("fresh", "10.0.0.10"), T0)).toBeNull();
  });

  it("an address the user signed in from before is never refused, even past both limits: only slowed", () => {
    const l = new LoginLimiter();
    l.fail(at("admin", "127.0.0.1"), T0);
    l.succeed(at("admin", "127.0.0.1"), T0);
    expect(l.isKnown(at("Admin", "127.0.0.1"))).toBe(true);
    failTimes(l, at("admin", "127.0.0.1"), PAIR_LIMIT * 3);
    for (let i = 0; i < ADDRESS_LIMIT; i++) l.fail(at(`u${i}`, "127.0.0.1"), T0);
    expect(l.blockedUntil(at("admin", "127.0.0.1"), T0)).toBeNull();
    expect(l.delayMs(at("admin", "127.0.0.1"), T0)).toBe(MAX_DELAY_MS);
    // Known for admin only: another name from the same address is refused past the ceiling.
    expect(l.blockedUntil(at("bob", "127.0.0.1"), T0)).not.toBeNull();
    // And for admin only from that address.
    failTimes(l, at("admin", "10.0.0.3"), PAIR_LIMIT);
    expect(l.blockedUntil(at("admin", "10.0.0.3"), T0)).not.toBeNull();
  });

  it("a success clears the pair, takes back the one failure counted in advance, and keeps the rest", () => {
    const l = new LoginLimiter();
    const a = at("alice", "10.0.0.1");
    failTimes(l, a, 5);
    l.fail(a, T0); // counted in advance for an attempt that then succeeds
    l.succeed(a, T0);
    expect(l.blockedUntil(a, T0)).toBeNull();
    // The name keeps its 5 real failures (still slowed from another address)...
    expect(l.delayMs(at("alice", "10.0.0.7"), T0)).toBe(l.delayMs(at("x", "10.0.0.7"), T0) + (5 - FREE_FAILURES + 1) * 150);
    // ...and so does the address: a valid account does not reset an attacker's count over names.
    for (let i = 0; i < ADDRESS_LIMIT - 6; i++) l.fail(at(`n${i}`, "10.0.0.1"), T0);
    expect(l.blockedUntil(at("zed", "10.0.0.1"), T0)).toBeNull();
    l.fail(at("last", "10.0.0.1"), T0);
    expect(l.blockedUntil(at("zed", "10.0.0.1"), T0)).not.toBeNull();
  });
});

describe("LoginLimiter: bounded memory", () => {
  it("never counts more than MAX_RECORDS keys, however many distinct names and addresses fail; the oldest go first", () => {
    const l = new LoginLimiter();
    const first = at("first", "10.1.0.1");
    failTimes(l, first, PAIR_LIMIT);
    expect(l.blockedUntil(first, T0)).not.toBeNull();
    for (let i = 0; i < MAX_RECORDS; i++) l.fail(at(`u${i}`, `10.2.${i >> 8}.${i & 255}`), T0 + 1);
    expect(l.size).toBeLessThanOrEqual(MAX_RECORDS);
    // The oldest records were evicted to make room.
    expect(l.blockedUntil(first, T0 + 1)).toBeNull();
    // The newest are still counted.
    const newest = at(`u${MAX_RECORDS - 1}`, `10.2.${(MAX_RECORDS - 1) >> 8}.${(MAX_RECORDS - 1) & 255}`);
    failTimes(l, newest, PAIR_LIMIT - 1, T0 + 1);
    expect(l.blockedUntil(newest, T0 + 1)).not.toBeNull();
  });

  it("remembers a few addresses per user and a bounded number of users", () => {
    const l = new LoginLimiter();
    for (let i = 0; i <= KNOWN_PER_USER; i++) l.succeed(at("alice", `10.0.0.${i}`), T0);
    expect(l.isKnown(at("alice", "10.0.0.0"))).toBe(false); // the least recent address went
    expect(l.isKnown(at("alice", `10.0.0.${KNOWN_PER_USER}`))).toBe(true);
    for (let i = 0; i < MAX_KNOWN_USERS; i++) l.succeed(at(`user${i}`, "10.0.0.1"), T0);
    expect(l.isKnown(at("alice", `10.0.0.${KNOWN_PER_USER}`))).toBe(false);
    expect(l.isKnown(at(`user${MAX_KNOWN_USERS - 1}`, "10.0.0.1"))).toBe(true);
  });
});
