// The image stage of `npm test` (scripts/run-tests.mjs). The debootstrap (network-bound) begins first, beside
// the static checks; `build()`, called when the test groups start (their engines and browsers mostly wait, so the
// two cores have room), starts a private engine, imports the base image and builds the real Dockerfile (its apt
// and npm steps are network-bound, its compile steps share the CPU with the tests). `finish` waits for that and
// runs the vitest project "image" against the running container, beside the other groups. Each step's time is
// reported. Part of `npm test` (VOLDECK_IMAGE_TEST=0 leaves it out); `npm run test:image` runs it alone.
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

/**
 * Starts the stage's debootstrap in the background. `build()` starts the build (once); `finish(runVitest)` builds if
 * that has not begun, waits, tests and answers whether it failed; `cleanup()` stops it all.
 */
export function beginImageStage(work) {
  const began = Date.now();
  const base = startBaseRootfs(work);
  let engine = null;
  let cancelled = false;
  let built = null;
  const startBuild = async () => {
    const { rootfs, seconds } = await base.ready;
    say(`debootstrap + Node runtime ${seconds.toFixed(0)} s`);
    if (cancelled) throw new Error("cancelled");
    engine = await startEngine({ name: "image" });
    if (cancelled) await engine.stop(); // cleanup ran while it started: it would not have seen it
    let t = Date.now();
    const bases = await importBase(engine.socket, rootfs);
    say(`base image ${bases.join(", ")} imported in ${since(t)}`);
    t = Date.now();
    await buildImage(engine.socket, IMAGE_TAG, path.join(work, "image-build.log"));
    say(`docker build ${since(t)} (in the background; built ${since(began)} after the run began)`);
    return engine;
  };
  const build = () => {
    if (!built) {
      built = startBuild();
      built.catch(() => {}); // awaited in finish; reported there
    }
    return built;
  };
  return {
    build,
    async finish(runVitest) {
      const waited = Date.now();
      const ready = await build();
      say(`the run waited ${since(waited)} for the build`);
      const t = Date.now();
      const code = await runVitest({ ...process.env, VOLDECK_IMAGE_TAG: IMAGE_TAG, VOLDECK_IMAGE_SOCKET: ready.socket });
      say(`tests ${since(t)}; ${since(waited)} from the start of its wait to its end`);
      return code !== 0;
    },
    async cleanup() {
      cancelled = true;
      await base.cancel();
      // Stopping the engine ends a build still running (its steps are the engine's containers).
      if (engine) await engine.stop();
      await built?.catch(() => {});
      unmountUnder(work);
    },
  };
}
