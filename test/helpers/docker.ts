// The docker CLI against the private engine (DOCKER_HOST, set by scripts/run-tests.mjs): tests build
// their scenarios with it and compare the API's answers with what `docker inspect` reports.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export const TEST_IMAGE = "voldeck-test/busybox";

const dockerHost = (() => {
  const host = process.env.DOCKER_HOST;
  // Never the machine's own daemon: only a private engine started by the test harness.
  if (!host || host === "unix:///var/run/docker.sock") throw new Error("DOCKER_HOST must name the private test engine");
  return host;
})();

/** Runs `docker …` and answers its trimmed stdout; rejects with stderr on failure. */
export async function docker(...args: string[]): Promise<string> {
  try {
    const { stdout } = await run("docker", args, { env: { ...process.env, DOCKER_HOST: dockerHost }, maxBuffer: 32 << 20 });
    return stdout.trim();
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`docker ${args.join(" ")} failed: ${err.stderr?.trim() || err.message}`);
  }
}

/** `docker run -d` of a container that stays up (busybox sleep), no network. Answers its id. */
export function runSleeper(name: string, ...mountArgs: string[]): Promise<string> {
  return docker("run", "-d", "--network", "none", "--name", name, ...mountArgs, TEST_IMAGE, "sleep", "3600");
}

/** `docker create`: a container that never starts (state "created"). Answers its id. */
export function createContainer(name: string, ...mountArgs: string[]): Promise<string> {
  return docker("create", "--network", "none", "--name", name, ...mountArgs, TEST_IMAGE, "true");
}

/** Runs a shell command in a throwaway container and answers its output. */
export function runOnce(mountArgs: string[], script: string): Promise<string> {
  return docker("run", "--rm", "--network", "none", ...mountArgs, TEST_IMAGE, "sh", "-c", script);
}

export async function inspectContainer(name: string): Promise<any> {
  return JSON.parse(await docker("container", "inspect", name))[0];
}

export async function inspectVolume(name: string): Promise<any> {
  return JSON.parse(await docker("volume", "inspect", name))[0];
}

export async function volumeExists(name: string): Promise<boolean> {
  return (await volumeNames()).includes(name);
}

/** `docker volume ls -q`, sorted. */
export async function volumeNames(): Promise<string[]> {
  return (await docker("volume", "ls", "-q")).split("\n").filter(Boolean).sort();
}

/** `docker …` against another engine than the test engine (e.g. the spare one). */
export async function dockerOn(host: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("docker", args, { env: { ...process.env, DOCKER_HOST: host } });
  return stdout.trim();
}
