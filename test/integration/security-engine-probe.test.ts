// An engine address that points at an internal HTTP service that is not Docker (a router's admin page, a
// metadata service, a login redirect): the console asks it GET /version and /info only, follows no redirect,
// and says "not a Docker engine" with at most a short, escaped excerpt of the answer — never the page itself,
// so adding an engine (admin-only) cannot be used to read internal pages back through the console.
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineTestResult } from "@/lib/api/engine-types";
import type { Engine } from "@/lib/api/types";
import { del, get, post } from "../helpers/api";
import { randomName } from "../helpers/auth";

const SECRET = "internal-secret-4f1c";
const PAGE = `<!doctype html><html><head><title>Intranet</title></head><body><script>window.__xss=1</script><p>${"filler ".repeat(20)}${SECRET} ${"filler ".repeat(2000)}</p></body></html>`;

let target: Server;
let targetHits = 0;
const servers: Server[] = [];

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const html =
  (status: number): http.RequestListener =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "text/html" });
    res.end(PAGE);
  };

let pageOk = "";
let pageMissing = "";
let redirect = "";

beforeAll(async () => {
  // The redirect's target counts its visitors: the console must never get there.
  const targetUrl = await serve((_req, res) => {
    targetHits++;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ Version: "99.0", ApiVersion: "1.99", message: SECRET }));
  });
  target = servers[0];
  pageOk = await serve(html(200));
  pageMissing = await serve(html(404));
  const location = `http://${targetUrl.slice("tcp://".length)}/version`;
  redirect = await serve((_req, res) => {
    res.writeHead(302, { Location: location, "Content-Type": "text/html" });
    res.end(`<a href="${location}">${SECRET}</a>`);
  });
});

afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
});

function expectNotDocker(answer: { ok?: boolean; error?: string | null; errorKind?: string | null }, pattern: RegExp) {
  expect(answer.ok ?? false).toBe(false);
  expect(answer.errorKind).toBe("not_docker");
  expect(answer.error).toMatch(pattern);
  expect(answer.error).not.toContain(SECRET);
  expect(answer.error).not.toMatch(/[<>]/);
  expect(answer.error!.length).toBeLessThan(250);
}

describe("an engine address that is an internal web server, not Docker", () => {
  it("a page (200 or 404): tested as a draft, answered 'not a Docker engine' with a short excerpt only", async () => {
    for (const [url, pattern] of [
      [pageOk, /^Not a Docker engine: the version request got an answer that is not Docker's \(it begins "Intranet/],
      [pageMissing, /^Not a Docker engine: HTTP 404 for the version request, with an answer that is not Docker's \(it begins "Intranet/],
    ] as const) {
      const answer = await post<EngineTestResult>(`/api/engines/${randomName("draft")}/test`, { url });
      expect(answer.status, answer.text).toBe(200);
      expectNotDocker(answer.body, pattern);
    }
  });

  it("a redirect is not followed: the target is never asked, and the answer says why", async () => {
    const answer = await post<EngineTestResult>(`/api/engines/${randomName("draft")}/test`, { url: redirect });
    expect(answer.status, answer.text).toBe(200);
    expectNotDocker(answer.body, /redirect( \(HTTP 302\))?, which the console does not follow/);
    expect(targetHits).toBe(0);
    expect(target.listening).toBe(true); // (so a hit would have been counted)
  });

  it("added as an engine: listed unreachable with the same words, its page nowhere in the list", async () => {
    const id = randomName("intranet").replace(/[^a-z0-9-]/g, "");
    const created = await post<Engine>("/api/engines", { id, url: pageOk });
    try {
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ reachable: false });
      const listed = await get<{ engines: Engine[] }>("/api/engines");
      expect(listed.text).not.toContain(SECRET);
      expect(listed.text).not.toContain("__xss");
      expect(listed.body.engines.find((e) => e.id === id)?.error).toMatch(/^Not a Docker engine/);
      expectNotDocker((await post<EngineTestResult>(`/api/engines/${id}/test`)).body, /^Not a Docker engine/);
    } finally {
      await del(`/api/engines/${id}`);
    }
    expect(targetHits).toBe(0);
  });
});
