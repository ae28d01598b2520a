// A private Docker engine for tests and benchmarks: its own data-root, exec-root, pidfile and unix socket,
// no bridge and no iptables, with a small busybox image imported from Debian's busybox-static. The
// machine's own daemon and its volumes are never touched.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, copyFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

export const TEST_IMAGE = "voldeck-test/busybox:latest";
const BUSYBOX = "/bin/busybox";

/** A call to an engine's API over its unix socket; `body` is a stream (piped) or a Buffer. */
function request(socketPath, method, urlPath, body, contentType = "application/x-tar") {
  return new Promise((resolve, reject) => {
    const headers = !body ? {} : Buffer.isBuffer(body) ? { "Content-Type": contentType, "Content-Length": body.length } : { "Content-Type": contentType };
    const req = http.request({ socketPath, method, path: urlPath, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    if (Buffer.isBuffer(body)) req.end(body);
    else if (body) body.pipe(req);
    else req.end();
  });
}

/** A JSON call to an engine's API over its unix socket (test setup and benchmarks only). */
export async function engineJson(socketPath, method, urlPath, json) {
  const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  const r = await request(socketPath, method, urlPath, body, "application/json");
  if (r.status >= 400) throw new Error(`${method} ${urlPath}: ${r.status} ${r.body}`);
  return r.body ? JSON.parse(r.body) : null;
}

/** Runs `task(i)` for i in 0..count-1 with at most `concurrency` at once. */
export async function inParallel(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Fills an engine: `volumes` volumes and `containers` containers (created, never started) mounting a few each. */
export async function fillEngine(engine, { volumes, containers, prefix = "scale", mountsPerContainer = 3 }) {
  const name = (i) => `${prefix}-v${String(i).padStart(5, "0")}`;
  await inParallel(volumes, 32, (i) => engineJson(engine.socket, "POST", "/volumes/create", { Name: name(i), Labels: { bench: prefix } }));
  await inParallel(containers, 16, (i) =>
    engineJson(engine.socket, "POST", `/containers/create?name=${prefix}-c${String(i).padStart(5, "0")}`, {
      Image: TEST_IMAGE,
      Cmd: ["true"],
      Labels: { bench: prefix },
      HostConfig: {
        NetworkMode: "none",
        Binds: Array.from({ length: mountsPerContainer }, (_, k) => `${name((i * mountsPerContainer + k) % volumes)}:/m${k}${k === 0 ? ":ro" : ""}`),
      },
    }),
  );
  return { volumeName: name };
}

async function waitForPing(socketPath, child, logFile, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dockerd exited with ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const r = await request(socketPath, "GET", "/_ping");
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`dockerd did not answer within ${ms / 1000} s:\n${tail(logFile)}`);
}

function tail(file) {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no log)";
  }
}

function buildImageTar(dir) {
  if (!existsSync(BUSYBOX)) throw new Error(`${BUSYBOX} is missing: apt-get install busybox-static`);
  const root = path.join(dir, "rootfs");
  mkdirSync(path.join(root, "bin"), { recursive: true });
  mkdirSync(path.join(root, "tmp"), { recursive: true });
  copyFileSync(BUSYBOX, path.join(root, "bin/busybox"));
  const applets = execFileSync(BUSYBOX, ["--list"], { encoding: "utf8" }).split("\n").filter(Boolean);
  for (const applet of applets) if (applet !== "busybox") symlinkSync("busybox", path.join(root, "bin", applet));
  const tarFile = path.join(dir, "image.tar");
  execFileSync("tar", ["-C", root, "-cf", tarFile, "."]);
  return tarFile;
}

/**
 * Starts a private engine. Returns { dir, socket, dockerHost, env, stop }.
 * `env` is process.env with DOCKER_HOST pointing at the private engine, for CLI calls in tests.
 * `nice`: the engine's niceness, which its containers inherit (the image stage builds at 19: on idle CPU only).
 */
export async function startEngine({ name = "engine", dir: fixedDir, withImage = true, extraArgs = [], nice = 0 } = {}) {
  // A fixed dir lets a test start an engine where the console already expects one (outage and recovery).
  const dir = fixedDir ?? mkdtempSync(`/tmp/vd-${name.slice(0, 8)}-`);
  mkdirSync(dir, { recursive: true });
  const socket = path.join(dir, "docker.sock");
  const logFile = path.join(dir, "dockerd.log");
  const log = openSync(logFile, "a");
  // `nice` execs dockerd: the child's pid is the engine's.
  const child = spawn(
    "nice",
    [
      "-n",
      String(nice),
      "dockerd",
      "--data-root",
      path.join(dir, "data"),
      "--exec-root",
      path.join(dir, "exec"),
      "--pidfile",
      path.join(dir, "docker.pid"),
      "-H",
      `unix://${socket}`,
      "--bridge=none",
      "--iptables=false",
      "--ip-masq=false",
      "--ip6tables=false",
      ...extraArgs,
    ],
    { stdio: ["ignore", log, log], detached: true },
  );
  child.unref();
  await waitForPing(socket, child, logFile);
  const dockerHost = `unix://${socket}`;
  if (withImage) {
    const { createReadStream } = await import("node:fs");
    const tarFile = buildImageTar(dir);
    const changes = encodeURIComponent('CMD ["/bin/sh"]');
    const r = await request(socket, "POST", `/images/create?fromSrc=-&repo=voldeck-test/busybox&tag=latest&changes=${changes}`, createReadStream(tarFile));
    if (r.status !== 200) throw new Error(`importing the test image failed: ${r.status} ${r.body}`);
  }
  const engine = {
    dir,
    socket,
    dockerHost,
    logFile,
    pid: child.pid,
    env: { ...process.env, DOCKER_HOST: dockerHost },
    stop: ({ keepDir = false } = {}) => stopEngine(engine, child, keepDir),
  };
  return engine;
}

async function stopEngine(engine, child, keepDir) {
  // Busybox `sleep` as PID 1 ignores SIGTERM: kill containers first so shutdown does not wait for them.
  try {
    const r = await request(engine.socket, "GET", "/containers/json");
    for (const c of JSON.parse(r.body)) await request(engine.socket, "POST", `/containers/${c.Id}/kill`).catch(() => {});
  } catch {
    // engine already gone
  }
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 20_000))]);
    if (timedOut) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  try {
    execFileSync("sh", ["-c", `grep -o " ${engine.dir}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`], { stdio: "ignore" });
  } catch {
    // nothing mounted
  }
  if (!keepDir) rmSync(engine.dir, { recursive: true, force: true, maxRetries: 3 });
}

// `node scripts/test-engine.mjs` starts one engine and keeps it until Ctrl-C: handy by hand.
// (No top-level await: Playwright loads this module through require().)
if (import.meta.url === `file://${process.argv[1]}`) {
  startEngine({ name: "manual" }).then((engine) => {
    console.log(`export DOCKER_HOST=${engine.dockerHost}`);
    const stop = () => engine.stop().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    setInterval(() => {}, 1 << 30);
  });
}
