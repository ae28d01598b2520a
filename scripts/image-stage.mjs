// The image stage of `npm test` (scripts/run-tests.mjs), begun first and run in the background while the other
// stages test: the debootstrap (network-bound), then a private engine, the base image imported and the real
// Dockerfile built (its apt and npm steps are network-bound too). All of it at the lowest CPU priority (nice 19;
// the engine's build containers inherit it): it takes the CPU the checks and tests leave idle, and little from
// them. In one run where it shared the CPU equally, its build took 18 minutes and tests of the other groups,
// slowed, ran out of time. `finish`, after the other groups, waits for the build and runs the vitest project "image"
// against the running container on a quiet machine. Each step's time is reported. Part of `npm test`
// (VOLDECK_IMAGE_TEST=0 leaves it out); `npm run test:image` runs it alone.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { startEngine } from "./test-engine.mjs";
import { buildImage, importBase, startBaseRootfs } from "./test-image.mjs";

export const IMAGE_TAG = "voldeck:image-test";

const since = (t) => `${((Date.now() - t) / 1000).toFixed(0)} s`;
const say = (line) => console.log(`voldeck tests: image stage: ${line}`);

/** Unmounts whatever debootstrap left mounted under `dir` (/proc, /sys when it was stopped midway). */
function unmountUnder(dir) {
  execFileSync("sh", ["-c", `grep -o " ${dir}/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`], { stdio: "ignore" });
}

/** Starts the stage in the background. `finish(runVitest)` answers whether it failed; `cleanup()` stops it. */
export function beginImageStage(work) {
  const began = Date.now();
  const base = startBaseRootfs(work);
  let engine = null;
  let cancelled = false;
  const built = (async () => {
    const { rootfs, seconds } = await base.ready;
    say(`debootstrap + Node runtime ${seconds.toFixed(0)} s`);
    if (cancelled) throw new Error("cancelled");
    engine = await startEngine({ name: "image", nice: 19 });
    if (cancelled) await engine.stop(); // cleanup ran while it started: it would not have seen it
    let t = Date.now();
    const bases = await importBase(engine.socket, rootfs);
    say(`base image ${bases.join(", ")} imported in ${since(t)}`);
    t = Date.now();
    await buildImage(engine.socket, IMAGE_TAG, path.join(work, "image-build.log"));
    say(`docker build ${since(t)} (in the background; built ${since(began)} after the run began)`);
    return engine;
  })();
  built.catch(() => {}); // awaited in finish; reported there
  return {
    async finish(runVitest) {
      const waited = Date.now();
      const ready = await built;
      say(`the run waited ${since(waited)} for the build`);
      const t = Date.now();
      const code = await runVitest({ ...process.env, VOLDECK_IMAGE_TAG: IMAGE_TAG, VOLDECK_IMAGE_SOCKET: ready.socket });
      say(`tests ${since(t)}; the stage added ${since(waited)} to the run's end`);
      return code !== 0;
    },
    async cleanup() {
      cancelled = true;
      await base.cancel();
      // Stopping the engine ends a build still running (its steps are the engine's containers).
      if (engine) await engine.stop();
      await built.catch(() => {});
      unmountUnder(work);
    },
  };
}
