// `node scripts/bench-coverage.mjs`: the coverage evaluation (lib/coverage/evaluate.ts) over BENCH_VOLUMES
// (default 1,000) volumes on 3 engines, 5 policies and a per-volume schedule for every tenth volume, measured
// beside the building of the volumes list for the same volumes (lib/docker/mapping.ts toVolume + its JSON).
// Pure in-memory work, no engine: the TypeScript modules are loaded through vitest's own Vite server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createViteServer } from "vitest/node";

const VOLUMES = Number(process.env.BENCH_VOLUMES ?? 1000);
const ROUNDS = 30;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const server = await createViteServer({
  root,
  configFile: false,
  logLevel: "error",
  server: { middlewareMode: true, hmr: false },
  resolve: { alias: { "@": root, "server-only": path.join(root, "test/server-only-stub.ts") } },
});
try {
  const { evaluateCoverage } = await server.ssrLoadModule("/lib/coverage/evaluate.ts");
  const { toVolume, buildVolumeIndex } = await server.ssrLoadModule("/lib/docker/mapping.ts");
  const now = Date.now();
  const HOUR = 3_600_000;
  const tiers = ["db", "web", "cache", "logs"];
  const raw = Array.from({ length: VOLUMES }, (_, i) => ({
    Name: `${i % 7 === 0 ? "pg" : "app"}-${i}`,
    Driver: "local",
    Mountpoint: `/var/lib/docker/volumes/v${i}/_data`,
    CreatedAt: new Date(now - i * 1000).toISOString(),
    Labels: { tier: tiers[i % 4], "com.docker.compose.project": `p${i % 20}`, ...(i % 50 === 0 ? { "voldeck.backup": "false" } : {}) },
    Scope: "local",
  }));
  const containers = raw
    .filter((_, i) => i % 3 === 0)
    .map((v, i) => ({ Id: `c${i}`, Names: [`/c${i}`], State: "running", Mounts: [{ Type: "volume", Name: v.Name, Destination: "/data" }] }));
  const engineOf = (i) => ["a", "b", "c"][i % 3];
  const volumes = raw.map((v, i) => ({ engine: engineOf(i), name: v.Name, labels: v.Labels }));
  const base = { enabled: true, createdAt: now - 30 * 24 * HOUR, intervalMs: 24 * HOUR, nextRunAt: now + HOUR };
  const protectors = [
    { ...base, id: "pol-db", by: "policy", name: "db", selector: { engines: ["*"], labels: { tier: "db" } } },
    { ...base, id: "pol-pg", by: "policy", name: "pg", selector: { engines: ["*"], namePattern: "pg-*", exclude: { names: ["pg-7?"] } } },
    { ...base, id: "pol-p3", by: "policy", name: "p3", selector: { engines: ["a", "b"], composeProject: "p3" } },
    { ...base, id: "pol-web", by: "policy", name: "web", selector: { engines: ["c"], labels: { tier: "web" }, exclude: { labels: { tier: "logs" } } } },
    { ...base, id: "pol-off", by: "policy", name: "off", enabled: false, selector: { engines: ["*"] } },
    ...volumes.filter((_, i) => i % 10 === 0).map((v, i) => ({ ...base, id: `sch-${i}`, by: "schedule", engine: v.engine, volume: v.name })),
  ];
  const lastSuccess = new Map(volumes.filter((_, i) => i % 2 === 0).map((v, i) => [`${v.engine}/${v.name}`, now - (i % 72) * HOUR]));
  const lastFailed = new Set(volumes.filter((_, i) => i % 97 === 0).map((v) => `pol-db ${v.engine}/${v.name}`));

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (fn) => {
    const runs = [];
    let out;
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      out = fn();
      runs.push(performance.now() - t);
    }
    return { ms: median(runs), max: Math.max(...runs), out };
  };
  const coverage = time(() => JSON.stringify(evaluateCoverage({ volumes, protectors, lastSuccess, lastFailed, now })));
  const list = time(() => {
    const index = buildVolumeIndex(containers);
    return JSON.stringify({ volumes: raw.map((v) => toVolume(v, index, 4096)) });
  });
  const counts = JSON.parse(coverage.out).counts;
  console.log(`coverage of ${VOLUMES} volumes, ${protectors.length} policies and schedules (median of ${ROUNDS}):`);
  console.log(`  coverage evaluation + JSON: ${coverage.ms.toFixed(2)} ms (max ${coverage.max.toFixed(2)} ms)  goal < 200 ms`);
  console.log(`  volumes list building + JSON: ${list.ms.toFixed(2)} ms (max ${list.max.toFixed(2)} ms)`);
  console.log(`  ratio: ${(coverage.ms / list.ms).toFixed(2)}×   counts: ${JSON.stringify(counts)}`);
} finally {
  await server.close();
}
