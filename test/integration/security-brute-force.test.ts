// Brute force: failed sign-ins are slowed, then refused with 429, per client address and per user name.
// Every attempt here comes from its own loopback address (127.0.0.5x), so 127.0.0.1 — from which the other
// tests and the e2e sign-in come — is never limited, and neither is the real "admin" name.
import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, login, randomName } from "../helpers/auth";

describe("repeated failed sign-ins", () => {
  it("30 wrong passwords in a row: slowed, then refused with 429 (and a retry time) before the 30th", async () => {
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
    expect(firstRefusal, statuses.join(",")).toBeGreaterThan(2);
    expect(statuses.slice(0, firstRefusal).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
    // The answers before the refusal grew slower; a refusal is answered at once.
    expect(times[firstRefusal - 1]).toBeGreaterThan(times[0] + 300);
    expect(times[firstRefusal + 1]).toBeLessThan(times[firstRefusal - 1]);
  });

  it("the refusal holds per name (from anywhere) and per address (for any name), and even the right password is refused there", async () => {
    const name = randomName("brute-scope");
    await Promise.all(Array.from({ length: 12 }, (_, i) => login(name, `wrong-${i}`, { from: "127.0.0.52" })));
    expect((await login(name, "wrong", { from: "127.0.0.53" })).status).toBe(429); // same name, other address
    expect((await login(randomName("other"), "wrong", { from: "127.0.0.52" })).status).toBe(429); // same address, other name
    expect((await login("admin", ADMIN_PASSWORD, { from: "127.0.0.52" })).status).toBe(429); // right password, blocked address
    // Elsewhere, nothing is limited: the real admin signs in.
    expect((await login("admin", ADMIN_PASSWORD, { from: "127.0.0.54" })).status).toBe(200);
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
  });

  it("parallel attempts cannot slip under the limit together", async () => {
    const name = randomName("brute-parallel");
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(name, `wrong-${i}`, { from: "127.0.0.55" })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length, statuses.join(",")).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
  });
});
