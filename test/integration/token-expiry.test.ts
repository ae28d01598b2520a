// API tokens with an expiry, over real HTTP against the running console: accepted until the instant, then refused
// with 401 and a message that says the token expired; creation refuses a past or malformed expiry; audited.
import { afterAll, describe, expect, it } from "vitest";
import { api, expectError } from "../helpers/api";
import { auditLines, randomName, revokeToken } from "../helpers/auth";
import { until } from "../helpers/poll";

const made: string[] = [];
afterAll(async () => {
  for (const id of made) await revokeToken(id);
});

async function create(json: Record<string, unknown>) {
  const answer = await api<{ token: { id: string; expiresAt: string | null }; secret: string }>("/api/tokens", { method: "POST", json });
  if (answer.status === 201) made.push(answer.body.token.id);
  return answer;
}

describe("API token expiry", () => {
  it("keeps a token without expiry working, and says it never expires", async () => {
    const answer = await create({ name: randomName("forever"), role: "viewer" });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.token.expiresAt).toBeNull();
    expect((await api("/api/auth/me", { token: answer.body.secret })).status).toBe(200);
  });

  it("accepts a token until its expiry, then refuses it with 401 and says why", async () => {
    const expiresAt = new Date(Date.now() + 4_000).toISOString();
    const name = randomName("short");
    const answer = await create({ name, role: "viewer", expiresAt });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.token.expiresAt).toBe(expiresAt);
    const listed = (await api<{ tokens: { id: string; expiresAt: string | null }[] }>("/api/tokens")).body.tokens.find((t) => t.id === answer.body.token.id);
    expect(listed?.expiresAt).toBe(expiresAt);
    expect((await api("/api/auth/me", { token: answer.body.secret })).status).toBe(200);

    const refused = await until(
      "the token to expire",
      () => api("/api/auth/me", { token: answer.body.secret }),
      (a) => a.status !== 200,
      { timeoutMs: 20_000 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    const error = expectError(refused, 401, "unauthorized");
    expect(error.message).toContain(`("${name}") expired at ${expiresAt}`);
    expect(error.expiredAt).toBe(expiresAt);
    // Writes too, not only reads.
    expectError(
      await api("/api/engines/local/volumes", { method: "POST", token: answer.body.secret, json: { name: randomName("never") } }),
      401,
      "unauthorized",
    );
  });

  it("refuses an expiry in the past or one that is not a date, and creates nothing", async () => {
    const before = (await api<{ tokens: unknown[] }>("/api/tokens")).body.tokens.length;
    const past = await create({ name: randomName("past"), role: "viewer", expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(expectError(past, 400, "invalid_input").message).toContain("must lie in the future");
    expectError(await create({ name: randomName("bad"), role: "viewer", expiresAt: "next tuesday" }), 400, "invalid_input");
    expect((await api<{ tokens: unknown[] }>("/api/tokens")).body.tokens.length).toBe(before);
  });

  it("audits the expiry a token was created with", async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const answer = await create({ name: randomName("audited"), role: "operator", expiresAt });
    const line = (await auditLines()).find((l) => l.action === "token.create" && l.target === answer.body.token.id);
    expect(line?.detail).toMatchObject({ role: "operator", expiresAt });
  });
});
