// Shared by the benchmarks: a built console against private engines, job runs followed through their event
// stream, memory of the server's process tree, and small timing helpers.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export const root = path.resolve(import.meta.dirname, "../..");
export const MiB = 1024 * 1024;
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const seconds = async (fn) => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};

const run = promisify(execFile);

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Builds into `distDir` when it holds no build yet, leaving tsconfig.json as it was (Next adds the dir's types). */
export async function ensureBuild(distDir, force = false) {
  if (!force && existsSync(path.join(root, distDir, "BUILD_ID"))) return;
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    await new Promise((resolve, reject) => {
      const child = spawn("npx", ["next", "build"], {
        cwd: root,
        env: { ...process.env, VOLDECK_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
        stdio: "inherit",
      });
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (${code})`))));
    });
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
}

/**
 * Starts the built console with `engine` as "local" and `engines` ({ id: address }, VOLDECK_ENGINES) beside it,
 * plus `env` on top. Without `dataDir` it gets a fresh one, removed on stop. Answers { url, pid, child, token,
 * env, stop }; env.VOLDECK_ADMIN_PASSWORD signs in as "admin".
 */
export async function startConsole({ distDir, engine, dataDir, engines = {}, env: extra = {} }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const token = randomBytes(24).toString("hex");
  const ownDataDir = dataDir ? null : mkdtempSync(path.join(os.tmpdir(), "vd-bench-data-"));
  const env = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    DOCKER_HOST: engine.dockerHost,
    VOLDECK_DATA_DIR: dataDir ?? ownDataDir,
    VOLDECK_API_TOKEN: token,
    VOLDECK_ADMIN_PASSWORD: randomBytes(12).toString("hex"),
    VOLDECK_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    VOLDECK_ENGINES: Object.entries(engines)
      .map(([id, address]) => `${id}=${address}`)
      .join(","),
    ...extra,
  };
  // As `npm start` does it (scripts/start.sh: jemalloc where installed; it execs node, so the pid is the server's).
  const child = spawn("sh", ["scripts/start.sh"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", resolve);
      child.kill("SIGTERM");
    }).then(() => ownDataDir && rmSync(ownDataDir, { recursive: true, force: true }));
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error("the console did not start within 60 s");
      try {
        if ((await fetch(`${url}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid: child.pid, child, token, env, stop };
}

/** A client for the console's API, as admin. */
export function apiClient({ url, token }) {
  const headers = { Authorization: `Bearer ${token}` };
  const call = async (method, p, body) => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: { ...headers, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  /** Starts a job and waits for its final state on the job's event stream. */
  const job = async (p, body) => {
    const { job } = await call("POST", p, body);
    const res = await fetch(`${url}/api/jobs/${job.id}/events`, { headers });
    const text = await res.text(); // ends after the final state
    const events = text
      .split("\n")
      .filter((l) => l.startsWith("data: "))
      .map((l) => JSON.parse(l.slice(6)));
    const last = events.at(-1);
    if (last?.state !== "succeeded") throw new Error(`${job.kind} job failed: ${last?.error ?? "no final state"}`);
    return last;
  };
  return { call, job, headers, url };
}

/** "jemalloc" when the process runs with it (scripts/start.sh preloads it where installed), else "glibc". */
export function allocatorOf(pid) {
  return readFileSync(`/proc/${pid}/maps`, "utf8").includes("libjemalloc") ? "jemalloc" : "glibc";
}

/** Resident memory (bytes) of a process and all its descendants. */
export function treeRss(rootPid) {
  const children = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `fn` while sampling the process tree's RSS every 50 ms; answers the peak. */
export async function peakRss(pid, fn) {
  let peak = treeRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 50);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, treeRss(pid));
}

/** `docker …` against the bench engine. */
export async function docker(engine, ...args) {
  const { stdout } = await run("docker", args, { env: { ...process.env, DOCKER_HOST: engine.dockerHost }, maxBuffer: 16 << 20 });
  return stdout.trim();
}

/**
 * Starts a job (POST `p` with `body`) and follows its event stream to the end, noting when each phase began.
 * Answers the final event and the phases ({phase, at} in seconds from the start, and `end`); throws unless it
 * succeeded. Each bench prints the phases its own way.
 */
export async function followJob(api, p, body) {
  const { job } = await api.call("POST", p, body);
  const res = await fetch(`${api.url}/api/jobs/${job.id}/events`, { headers: api.headers });
  const t0 = performance.now();
  const seen = [];
  let last = null;
  let buffered = "";
  const decoder = new TextDecoder();
  for await (const chunk of res.body) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop();
    for (const line of lines) {
      if (!line.startsWith("data: ")) continue;
      last = JSON.parse(line.slice(6));
      if (seen.at(-1)?.phase !== last.phase) seen.push({ phase: last.phase, at: (performance.now() - t0) / 1000 });
    }
  }
  if (last?.state !== "succeeded") throw new Error(`${job.kind} job failed: ${last?.error ?? "no final state"}`);
  return { job, last, seen, end: (performance.now() - t0) / 1000 };
}
