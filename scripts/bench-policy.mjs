// `npm run bench:policy`: a policy run over BENCH_VOLUMES (default 100) small volumes, beside the same tar
// backups started straight through the API with the same concurrency (VOLDECK_POLICY_CONCURRENCY, default 2),
// in alternating rounds (BENCH_ROUNDS, default 2). Prints both wall times and what the policy adds per volume
// (selection, run records, retention bookkeeping). A private engine and console; never the default daemon.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { apiClient, ensureBuild, median, startConsole } from "./bench/harness.mjs";
import { engineJson, inParallel, startEngine } from "./test-engine.mjs";

const VOLUMES = Number(process.env.BENCH_VOLUMES ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = Number(process.env.VOLDECK_POLICY_CONCURRENCY || 2);
const distDir = process.env.VOLDECK_DIST_DIR || ".next-bench";
const LABEL = "bench.policy";

async function main() {
  console.log(`voldeck bench:policy: ${os.availableParallelism()} cores, ${VOLUMES} volumes, concurrency ${CONCURRENCY}, ${ROUNDS} rounds`);
  await ensureBuild(distDir, process.argv.includes("--build"));
  const engine = await startEngine({ name: "bench-policy" });
  const app = await startConsole({ distDir, engine, env: { VOLDECK_POLICY_CONCURRENCY: String(CONCURRENCY) } });
  try {
    const api = apiClient(app);
    const names = Array.from({ length: VOLUMES }, (_, i) => `pol-${String(i).padStart(4, "0")}`);
    // Small volumes: one 64 KiB file each, written on the mountpoint (the bench runs as root on the engine's host).
    await inParallel(names.length, 16, async (i) => {
      const v = await engineJson(engine.socket, "POST", "/volumes/create", { Name: names[i], Labels: { [LABEL]: "yes" } });
      writeFileSync(path.join(v.Mountpoint, "data.bin"), Buffer.alloc(64 * 1024, i));
    });
    await api.job(`/api/engines/local/volumes/${names[0]}/backups`, { compression: "none" }); // warm-up: helper image, routes

    const policy = await api.call("POST", "/api/policies", {
      name: "bench policy",
      selector: { engines: ["local"], labels: { [LABEL]: "yes" } },
      target: { kind: "tar", compression: "none" },
      cron: "0 3 1 1 *",
    });
    const direct = [];
    const viaPolicy = [];
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      await inParallel(names.length, CONCURRENCY, (i) => api.job(`/api/engines/local/volumes/${names[i]}/backups`, { compression: "none" }));
      direct.push((performance.now() - t) / 1000);

      t = performance.now();
      const { run } = await api.call("POST", `/api/policies/${policy.id}/run`);
      for (;;) {
        const detail = await api.call("GET", `/api/policies/${policy.id}`);
        const r = detail.runs.find((x) => x.id === run);
        if (r && r.state !== "running") {
          if (r.state !== "succeeded") throw new Error(`the policy run ended ${r.state}: ${r.error ?? ""}`);
          break;
        }
        await new Promise((res) => setTimeout(res, 100));
      }
      viaPolicy.push((performance.now() - t) / 1000);
      console.log(`round ${round + 1}: direct ${direct.at(-1).toFixed(1)} s, policy ${viaPolicy.at(-1).toFixed(1)} s`);
    }
    const d = median(direct);
    const p = median(viaPolicy);
    // Per volume in the time a person waits: the wall-time difference spread over the volumes (lanes included).
    const perVolumeMs = ((p - d) / VOLUMES) * 1000;
    console.table([
      {
        what: `${VOLUMES} tar backups, ${CONCURRENCY} at a time`,
        "direct (API)": `${d.toFixed(1)} s`,
        "policy run": `${p.toFixed(1)} s`,
        ratio: `${(p / d).toFixed(2)}×`,
      },
      { what: "policy overhead per volume (wall time)", "direct (API)": "", "policy run": `${perVolumeMs.toFixed(0)} ms`, ratio: "" },
    ]);
  } finally {
    await app.stop();
    await engine.stop();
  }
}

await main();
