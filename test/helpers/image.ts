// The container image under test (scripts/run-tests.mjs built it on a private engine): the docker CLI aimed at
// that engine, and HTTP requests to the console inside the container. The container has no network, so no
// port is published: requests are made by the container's own Node, over its loopback, through `docker exec`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export const IMAGE_TAG = process.env.VOLDECK_IMAGE_TAG ?? "";
export const IMAGE_SOCKET = process.env.VOLDECK_IMAGE_SOCKET ?? "";

/** The docker CLI on the image test's private engine (never the machine's default daemon). */
export async function idocker(...args: string[]): Promise<string> {
  if (!IMAGE_SOCKET) throw new Error("VOLDECK_IMAGE_SOCKET is not set: run the image test through scripts/run-tests.mjs");
  const { stdout } = await run("docker", ["-H", `unix://${IMAGE_SOCKET}`, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

export type InsideAnswer = { status: number; cookie: string | null; json: any; text: string };

const FETCH = `
const [method, path, headers, body] = process.argv.slice(-4);
const r = await fetch("http://127.0.0.1:3000" + path, { method, headers: JSON.parse(headers), body: body || undefined });
console.log(JSON.stringify({ status: r.status, cookie: r.headers.get("set-cookie"), text: await r.text() }));
`;

/** A request to the console from inside `container` (its Node's fetch on 127.0.0.1:3000). */
export async function inside(
  container: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; json?: unknown } = {},
): Promise<InsideAnswer> {
  const headers = { ...(opts.json !== undefined ? { "Content-Type": "application/json" } : {}), ...opts.headers };
  const body = opts.json === undefined ? "" : JSON.stringify(opts.json);
  const out = await idocker("exec", container, "node", "--input-type=module", "-e", FETCH, method, path, JSON.stringify(headers), body);
  const answer = JSON.parse(out.split("\n").pop() ?? "{}") as Omit<InsideAnswer, "json">;
  let json: unknown = null;
  try {
    json = JSON.parse(answer.text);
  } catch {
    // not JSON (a page)
  }
  return { ...answer, json };
}
