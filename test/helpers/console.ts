// A second console process (scripts/start.mjs) with its own port and data dir, for tests that need a fresh
// start: first-run setup, or reading the audit trail after a restart. Used by integration and e2e tests.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./free-port";

const ROOT = path.resolve(__dirname, "../..");

/** `kill`: SIGKILL, as a crash (no clean-up runs); answers once the process is gone. */
export type SecondConsole = { url: string; output: () => string; stop: () => Promise<void>; kill: () => Promise<void> };

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false; // not up yet
  }
}

/**
 * Starts the built console (same build, same engine) on a free port with `dataDir`. Neither the admin
 * password nor the API token of the main console is passed on: `env` gives what this one should have.
 * `ready` says when it is up (an https console needs its own certificate trusted to be asked).
 */
export async function startConsole(dataDir: string, env: Record<string, string> = {}, ready = healthy): Promise<SecondConsole> {
  const port = await freePort();
  const url = `${env.VOLDECK_TLS_CERT ? "https" : "http"}://127.0.0.1:${port}`;
  const { VOLDECK_ADMIN_PASSWORD: _p, VOLDECK_API_TOKEN: _t, VOLDECK_ENGINES: _e, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: { ...inherited, HOST: "127.0.0.1", PORT: String(port), VOLDECK_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the second console exited with ${child.exitCode}:\n${log}`);
    if (await ready(url)) return { url, output: () => log, stop, kill };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the second console did not answer within 60 s:\n${log}`);
}

/** A JSON call to a second console with a bearer token: the status and the parsed answer. */
export async function callConsole<T = any>(
  c: SecondConsole,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${c.url}${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}
