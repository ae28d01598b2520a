// The docker CLI against a private test engine, for building scenarios and checking what the UI did.
// Everything a test creates through it is remembered and removed afterwards (containers first, with
// their anonymous volumes, then named volumes, then temp dirs).
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { engineTools } from "./spare-engine";

const run = promisify(execFile);

export const TEST_IMAGE = "voldeck-test/busybox";
const MACHINE_DAEMON = "unix:///var/run/docker.sock";

export type VolumeInspect = { Name: string; Driver: string; Mountpoint: string; Labels: Record<string, string> | null; Options: Record<string, string> | null };

export class DockerCli {
  private readonly containers = new Set<string>();
  private readonly volumes = new Set<string>();
  private readonly dirs = new Set<string>();

  constructor(readonly host: string) {
    // Never the machine's own daemon: only a private engine started by the test harness.
    if (!host || host === MACHINE_DAEMON || host === "/var/run/docker.sock") {
      throw new Error("DOCKER_HOST must name a private test engine (run through scripts/run-tests.mjs)");
    }
  }

  /** `docker …`; answers trimmed stdout, rejects with the CLI's stderr. */
  async run(...args: string[]): Promise<string> {
    try {
      const { stdout } = await run("docker", args, { env: { ...process.env, DOCKER_HOST: this.host }, maxBuffer: 16 << 20 });
      return stdout.trim();
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      throw new Error(`docker ${args.join(" ")} failed: ${err.stderr?.trim() || err.message}`);
    }
  }

  /** Remembers a volume this test made (or that the UI made for it), so cleanup removes it. */
  trackVolume(name: string): string {
    this.volumes.add(name);
    return name;
  }

  async createVolume(name: string, labels: Record<string, string> = {}): Promise<string> {
    this.trackVolume(name);
    const flags = Object.entries(labels).flatMap(([k, v]) => ["--label", `${k}=${v}`]);
    return this.run("volume", "create", ...flags, name);
  }

  /**
   * Many volumes, 20 at a time through the engine's API on its socket: a docker CLI process per volume costs a
   * CLI start each, which on a loaded two-core machine made 200 volumes take most of a minute.
   */
  async createVolumes(names: string[]): Promise<void> {
    const { engineJson, inParallel } = await engineTools();
    const socket = this.host.startsWith("unix://") ? this.host.slice("unix://".length) : null;
    await inParallel(names.length, 20, async (i) => {
      if (!socket) return this.createVolume(names[i]);
      this.trackVolume(names[i]);
      await engineJson(socket, "POST", "/volumes/create", { Name: names[i] });
    });
  }

  /** A running container that stays up (busybox sleep), no network, no published ports. */
  async runSleeper(name: string, ...mountArgs: string[]): Promise<string> {
    this.containers.add(name);
    return this.run("run", "-d", "--network", "none", "--name", name, ...mountArgs, TEST_IMAGE, "sleep", "3600");
  }

  /** A container that is created and never started (state "created"). */
  async createContainer(name: string, ...mountArgs: string[]): Promise<string> {
    this.containers.add(name);
    return this.run("create", "--network", "none", "--name", name, ...mountArgs, TEST_IMAGE, "true");
  }

  async inspectVolume(name: string): Promise<VolumeInspect | null> {
    try {
      return (JSON.parse(await this.run("volume", "inspect", name)) as VolumeInspect[])[0];
    } catch (e) {
      if (/no such volume/i.test(String(e))) return null;
      throw e;
    }
  }

  async volumeNames(): Promise<string[]> {
    return (await this.run("volume", "ls", "-q")).split("\n").filter(Boolean);
  }

  /** The name of the volume mounted at `destination` in a container (e.g. an anonymous one). */
  async mountedVolume(container: string, destination: string): Promise<string> {
    const mounts = JSON.parse(await this.run("container", "inspect", "--format", "{{json .Mounts}}", container)) as { Name?: string; Destination: string }[];
    const mount = mounts.find((m) => m.Destination === destination);
    if (!mount?.Name) throw new Error(`${container} has no volume at ${destination}`);
    return mount.Name;
  }

  /** A temp dir on this machine (the engine's too), for bind mounts; removed at cleanup. */
  async tempDir(tag: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), `vde-${tag}-`));
    this.dirs.add(dir);
    return dir;
  }

  async cleanup(): Promise<void> {
    // `rm -f`: busybox sleep ignores SIGTERM, so a plain stop would wait for the timeout.
    if (this.containers.size) await this.run("rm", "-f", "-v", ...this.containers).catch(() => {});
    // A hundred names a call (the CLI goes on past one it cannot remove): one call per volume took over a minute
    // for a test's 200 volumes on a loaded CI machine, longer than the test's whole time limit.
    const volumes = [...this.volumes];
    for (let i = 0; i < volumes.length; i += 100) await this.run("volume", "rm", "-f", ...volumes.slice(i, i + 100)).catch(() => {});
    for (const d of this.dirs) await rm(d, { recursive: true, force: true });
    this.containers.clear();
    this.volumes.clear();
    this.dirs.clear();
  }
}
