// Brute force: failed sign-ins are slowed, then refused with 429 per (name, address) pair; per name they are
// only slowed; per address there is a much higher ceiling. Nobody can lock everyone out: on a local console
// every browser is 127.0.0.1, and an address a user has signed in from before is never refused for that user.
// The deliberate floods come from their own loopback addresses (127.0.0.5x), so 127.0.0.1 — from which the
// other tests and the e2e sign-in come — only sees the few failures of the lock-out test below.
import { describe, expect, it } from "vitest";
import { ADDRESS_LIMIT, PAIR_LIMIT } from "@/lib/auth/rate-limit";
import { ADMIN_PASSWORD, createUser, login, randomName, removeUser } from "../helpers/auth";

describe("repeated failed sign-ins", () => {
  it("30 wrong passwords for one name from one address: slowed, then refused with 429 (and a retry time)", async () => {
    const name = randomName("brute");
    const statuses: number[] = [];
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = Date.now();
      const answer = await login(name, `wrong-${i}`, { from: "127.0.0.51" });
      times.push(Date.now() - t);
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.json.error.code).toBe("too_many_requests");
        expect(answer.json.error.retryAfterSeconds).toBeGreaterThan(0);
        expect(Number(answer.headers["retry-after"])).toBe(answer.json.error.retryAfterSeconds);
      }
    }
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal, statuses.join(",")).toBe(PAIR_LIMIT);
    expect(statuses.slice(0, firstRefusal).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
    // The answers before the refusal grew slower (than the quickest unslowed one: the very first may include
    // the console's warm-up); a refusal is answered at once.
    expect(times[firstRefusal - 1]).toBeGreaterThan(Math.min(...times.slice(0, 3)) + 300);
    expect(times[firstRefusal + 1]).toBeLessThan(times[firstRefusal - 1]);
  });

  it("ten bad guesses from 127.0.0.1 (an unknown name, then a real user) do not lock admin out of 127.0.0.1", async () => {
    const victim = await createUser("viewer", "victim");
    try {
      for (const name of [randomName("nobody"), victim.username]) {
        const statuses = [];
        for (let i = 0; i < PAIR_LIMIT; i++) statuses.push((await login(name, `wrong-${i}`)).status);
        expect(
          statuses.every((s) => s === 401),
          statuses.join(","),
        ).toBe(true);
        expect((await login(name, "wrong again")).status).toBe(429); // that pair is refused now
      }
      // Before, the address was refused here for everyone, admin included, for 15 minutes.
      const admin = await login("admin", ADMIN_PASSWORD);
      expect(admin.status, admin.text).toBe(200);
      // The guessed name itself is only slowed elsewhere, not refused: its owner signs in from another address.
      expect((await login(victim.username, victim.password, { from: "127.0.0.56" })).status).toBe(200);
    } finally {
      await removeUser(victim.username);
    }
  });

  it("the right password from an address the user signed in from before passes a locked pair; from a new address it does not", async () => {
    const user = await createUser("viewer", "known-addr");
    try {
      expect((await login(user.username, user.password, { from: "127.0.0.52" })).status).toBe(200);
      await Promise.all(Array.from({ length: PAIR_LIMIT + 2 }, (_, i) => login(user.username, `wrong-${i}`, { from: "127.0.0.52" })));
      await Promise.all(Array.from({ length: PAIR_LIMIT + 2 }, (_, i) => login(user.username, `wrong-${i}`, { from: "127.0.0.53" })));
      expect((await login(user.username, "still wrong", { from: "127.0.0.52" })).status).toBe(401); // slowed, never refused
      expect((await login(user.username, user.password, { from: "127.0.0.52" })).status).toBe(200);
      expect((await login(user.username, user.password, { from: "127.0.0.53" })).status).toBe(429);
    } finally {
      await removeUser(user.username);
    }
  });

  it(`a flood over many names from one address is refused past ${ADDRESS_LIMIT} failures, except for a user known there`, async () => {
    const user = await createUser("viewer", "flooded");
    try {
      expect((await login(user.username, user.password, { from: "127.0.0.54" })).status).toBe(200);
      for (let i = 0; i < ADDRESS_LIMIT; i += 10) {
        await Promise.all(Array.from({ length: 10 }, (_, j) => login(randomName(`flood${i + j}`), "wrong", { from: "127.0.0.54" })));
      }
      expect((await login(randomName("one-more"), "wrong", { from: "127.0.0.54" })).status).toBe(429);
      expect((await login(user.username, user.password, { from: "127.0.0.54" })).status).toBe(200);
    } finally {
      await removeUser(user.username);
    }
  }, 300_000); // a hundred scrypt checks on a busy machine

  it("parallel attempts cannot slip under the limit together", async () => {
    const name = randomName("brute-parallel");
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(name, `wrong-${i}`, { from: "127.0.0.55" })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length, statuses.join(",")).toBe(PAIR_LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBe(30 - PAIR_LIMIT);
  });
});
