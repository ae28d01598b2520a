// `npm test`: unit tests, then a private engine + the built console for integration (real HTTP) and
// end-to-end (Chromium) tests; everything started here is stopped here, whatever happens.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { beginImageStage } from "./image-stage.mjs";
import { engineJson, startEngine } from "./test-engine.mjs";
import { splitByTime, testFiles } from "./test-shards.mjs";

const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync("/tmp/vd-run-");
const totals = { passed: 0, failed: 0, skipped: 0 };
const pageSnapshots = [];
// Each failure by name, printed again just above the total: CI shows only the end of a long, interleaved log.
const failures = [];
const cleanups = [];

// The first lines of a failure's message, without colours: enough, beside its name, to know why it failed from
// the end of the log alone.
const ESC = String.fromCharCode(27);
function why(message) {
  const lines = String(message ?? "")
    .replaceAll(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim());
  return lines
    .slice(0, 6)
    .map((l) => `\n      ${l.length > 240 ? `${l.slice(0, 240)}…` : l}`)
    .join("");
}

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForHealth(url, server, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the console exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the console did not answer ${url}/api/health within ${ms / 1000} s`);
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const file of r.testResults ?? []) {
    const name = path.relative(root, file.name ?? "");
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failedTests) failures.push(`${name} › ${t.fullName}${why(t.failureMessages?.[0])}`);
    // A file that fails before its tests run (an import, a hook) has no failed test of its own.
    if (file.status === "failed" && !failedTests.length) failures.push(`${name}: ${(file.message ?? "failed").split("\n")[0]}`);
  }
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const { stats, suites } = JSON.parse(readFileSync(file, "utf8"));
  const visit = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === "unexpected") {
          const title = `${spec.file}:${spec.line} › ${spec.title}${t.projectName ? ` [${t.projectName}]` : ""}`;
          failures.push(`${title}${why(t.results?.at(-1)?.error?.message)}`);
          pageSnapshots.push(pageSnapshotOf(title, t.results?.at(-1)));
        }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of suites ?? []) visit(suite);
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  return true;
}

const testFilters = () => (process.env.VOLDECK_TEST_FILTER ?? "").split(",").filter(Boolean);

/**
 * What the page showed when a test failed (Playwright's error context: the page's accessibility tree), cut short.
 * The work directory, screenshots included, is gone after the run; on CI this log is all there is to read.
 */
function pageSnapshotOf(title, result) {
  const file = result?.attachments?.find((a) => a.name === "error-context" && a.path)?.path;
  if (!file || !existsSync(file)) return `${title}: no page snapshot`;
  // The file opens with Playwright's prompt and the error (printed above already); the page itself is the yaml.
  const text = readFileSync(file, "utf8");
  const lines = text.slice(Math.max(0, text.indexOf("```yaml"))).split("\n");
  const cut = lines.length > PAGE_SNAPSHOT_LINES ? [...lines.slice(0, PAGE_SNAPSHOT_LINES), `… ${lines.length - PAGE_SNAPSHOT_LINES} more lines`] : lines;
  return `${title}:\n${cut.map((l) => `    ${l}`).join("\n")}`;
}
const PAGE_SNAPSHOT_LINES = 200;

/** Runs a vitest project; `files` (relative paths) limits it to those files, and `tag` names its report. */
async function vitest(project, env = process.env, files = [], tag = project) {
  const out = path.join(work, `vitest-${tag}.json`);
  const options = project === "integration" ? ["--no-file-parallelism"] : [];
  // The unit tests run alone: on every core (vitest leaves one free by default: 72 s instead of 100-130 on two).
  if (project === "unit") options.push(`--maxWorkers=${os.availableParallelism()}`);
  // VOLDECK_TEST_FILTER=name[,name…] runs only the test files whose path contains one of them (a quicker loop by hand).
  const only = files.length ? files : testFilters();
  if (only.length) options.push("--passWithNoTests", ...only);
  const code = await run("npx", ["vitest", "run", "--project", project, ...options, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  if (!countVitest(out)) {
    totals.failed++;
    failures.push(`vitest ${tag}: no report (exit code ${code})`);
  }
  return code;
}

/** The files of one kind that VOLDECK_TEST_FILTER keeps (all of them without a filter). */
function filteredFiles(dir, suffix) {
  const filters = testFilters();
  return testFiles(root, dir, suffix).filter((f) => !filters.length || filters.some((x) => f.includes(x)));
}

// The static checks before the unit tests; each failing one counts as one failed test, and all of them run.
const checks = [
  // Next's build checks the app's types; this checks everything else too (tests, e2e, configs).
  { name: "the type check", args: ["tsc", "--noEmit", "-p", "tsconfig.check.json"] },
  // Next's and the hooks rules, the layers (eslint.config.mjs); then no import cycles (dpdm, package.json).
  { name: "the lint gate", args: ["eslint", ".", "--max-warnings", "0"] },
  { name: "the import cycle check", cmd: "npm", args: ["run", "-s", "cycles"] },
  // Unused files, exports and dependencies (knip.jsonc).
  { name: "knip", args: ["knip"] },
  { name: "the format check", args: ["prettier", "--check", "."], hint: "run `npm run format`" },
];

async function staticChecks() {
  let failed = false;
  for (const check of checks) {
    if ((await run(check.cmd ?? "npx", check.args)) === 0) continue;
    console.error(`voldeck tests: ${check.name} failed${check.hint ? ` (${check.hint})` : ""}`);
    totals.failed++;
    failures.push(check.name);
    failed = true;
  }
  return failed;
}

/**
 * Three engines side by side — "local" (most tests), "peer" (copies and moves between engines, the all-engines
 * view) and "swarm" (a one-node Swarm manager) — and a console started on them; answers the tests' environment.
 */
async function startStack(label) {
  const [engine, peer, swarm] = await Promise.all(["test", "peer", "swarm"].map((name) => startEngine({ name })));
  cleanups.push(() => Promise.all([engine, peer, swarm].map((e) => e.stop())));
  // Port 0: the engine picks a free one, so several test runs (or a developer's own Swarm) never collide.
  await engineJson(swarm.socket, "POST", "/swarm/init", { ListenAddr: "127.0.0.1:0", AdvertiseAddr: "127.0.0.1" });
  const dir = path.join(work, label);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A second engine address with nothing behind it yet: tests start and stop an engine there to see
  // the console report an outage and recover by itself.
  const spareDir = path.join(dir, "spare");
  const env = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    DOCKER_HOST: engine.dockerHost,
    VOLDECK_ENGINES: [`spare=unix://${spareDir}/docker.sock`, `peer=${peer.dockerHost}`, `swarm=${swarm.dockerHost}`].join(","),
    VOLDECK_DATA_DIR: path.join(dir, "data"),
    VOLDECK_URL: url,
    VOLDECK_SPARE_DIR: spareDir,
    VOLDECK_PEER_SOCKET: peer.socket,
    VOLDECK_SWARM_SOCKET: swarm.socket,
    // Integration tests act as admin through this token; the browser signs in as "admin" with this password.
    VOLDECK_API_TOKEN: randomBytes(24).toString("hex"),
    VOLDECK_ADMIN_PASSWORD: randomBytes(12).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    // Notifications (test/integration/notifications.test.ts): retries 20 ms, 80 ms, 320 ms apart; an engine down 3 s is told.
    VOLDECK_NOTIFY_RETRY_MS: "20",
    VOLDECK_ENGINE_DOWN_MINUTES: "0.05",
  };
  // As `npm start` starts it (scripts/start.sh, which execs node with jemalloc where installed).
  const server = spawn("sh", ["scripts/start.sh"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  cleanups.push(() => server.exitCode === null && server.kill("SIGTERM"));
  await waitForHealth(url, server);
  return env;
}

/** The end-to-end tests in Chromium, limited to `files`; answers whether they failed. */
async function playwright(env, files, tag) {
  const out = path.join(work, `playwright-${tag}.json`);
  // Playwright reads each argument as a regular expression over the file's path.
  const only = files.map((f) => `${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  const code = await run("npx", ["playwright", "test", "--reporter=list,json", ...only], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    VOLDECK_E2E_DIR: path.join(work, `e2e-${tag}`),
  });
  if (!countPlaywright(out)) {
    totals.failed++;
    failures.push(`playwright ${tag}: no report (exit code ${code})`);
  }
  return code !== 0;
}

/** `next build` with its output held back (it runs beside other checks): answers success and prints that output. */
async function buildConsole() {
  const log = path.join(work, "next-build.log");
  const code = await new Promise((resolve) => {
    const out = openSync(log, "w");
    const child = spawn("npx", ["next", "build"], { cwd: root, stdio: ["ignore", out, out] });
    child.on("exit", (c) => {
      closeSync(out);
      resolve(c ?? 1);
    });
  });
  return { ok: code === 0, print: () => process.stdout.write(readFileSync(log, "utf8")) };
}

async function main() {
  const only = process.argv[2]; // optional: unit | integration | e2e | image
  let failed = false;
  // The container image (scripts/image-stage.mjs): built in the background from now on, at the lowest CPU
  // priority; tested after the other groups. Part of a full run (VOLDECK_IMAGE_TEST=0 leaves it out), not of a
  // filtered one. Alone, on a quiet machine, the whole stage took 5.7 minutes (4.3 of them the docker build).
  const wantImage = only === "image" || (!only && process.env.VOLDECK_IMAGE_TEST !== "0" && !process.env.VOLDECK_TEST_FILTER);
  const image = wantImage ? beginImageStage(work) : null;
  if (image) cleanups.push(() => image.cleanup());
  const testImage = () =>
    image
      .finish((env) => vitest("image", env))
      .catch((e) => {
        console.error(`voldeck tests: image stage: ${e.message}`);
        totals.failed++;
        failures.push(`image stage${why(e.message)}`);
        return true;
      });
  if (only === "image") return testImage();
  // The build runs beside the static checks: each of those is one process on one core, and none reads what the
  // build writes (.next and next-env.d.ts are left out of them). In a clean-clone run the first test began 5.3
  // minutes in, against 5.6 before.
  const build = only === "unit" || process.env.VOLDECK_SKIP_BUILD ? null : buildConsole();
  if (!only || only === "unit") failed = await staticChecks();
  // The unit tests after it: they use both cores, and some have time limits.
  const built = build ? await build : null;
  built?.print();
  if (!only || only === "unit") failed = (await vitest("unit")) !== 0 || failed;
  if (only === "unit") return failed;
  if (built && !built.ok) throw new Error("next build failed");

  const wantIntegration = !only || only === "integration";
  const wantE2e = !only || only === "e2e";
  // Integration and end-to-end tests run at the same time, each group of files against a console and engines of
  // its own (they share nothing, and some tests prune or pause an engine): the run is mostly waiting on engines,
  // restic and the browser, not on the two cores, so it takes the longest group's time instead of the sum.
  // VOLDECK_TEST_GROUPS=n splits each kind into n groups of about equal time (scripts/test-shards.mjs; default 2:
  // a run with three integration groups, beside the image's build, took longer, its two cores never idle).
  // VOLDECK_TEST_SERIAL=1 runs everything one group after the other on one stack (a quieter log).
  const serial = process.env.VOLDECK_TEST_SERIAL === "1";
  const groups = serial ? 1 : Math.max(1, Number(process.env.VOLDECK_TEST_GROUPS ?? 2) || 1);
  const stages = [];
  if (wantIntegration) {
    for (const [i, files] of splitByTime(filteredFiles("test/integration", ".test.ts"), groups).entries()) {
      stages.push(async (env) => (await vitest("integration", env, files, `integration-${i + 1}`)) !== 0);
    }
  }
  if (wantE2e) {
    for (const [i, files] of splitByTime(filteredFiles("e2e", ".spec.ts"), groups).entries()) {
      stages.push((env) => playwright(env, files, `e2e-${i + 1}`));
    }
  }
  const stacks = await Promise.all((serial ? [1] : stages).map((_, i) => startStack(`s${i + 1}`)));
  if (serial) {
    for (const stage of stages) failed = (await stage(stacks[0])) || failed;
  } else {
    failed = (await Promise.all(stages.map((stage, i) => stage(stacks[i])))).some(Boolean) || failed;
  }
  if (image) failed = (await testImage()) || failed;
  return failed;
}

let failed = true;
try {
  failed = await main();
} catch (e) {
  console.error(`voldeck tests: ${e.message}`);
  totals.failed++;
  failures.push(e.message);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  rmSync(work, { recursive: true, force: true });
}
if (pageSnapshots.length) console.log(`\nwhat the page showed when each end-to-end test failed:\n${pageSnapshots.join("\n\n")}`);
if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failed || totals.failed ? 1 : 0);
