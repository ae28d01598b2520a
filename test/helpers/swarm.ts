// Swarm services on the console's engine "swarm", made with the engine API directly (no CLI needed).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { engineTools, swarmSocket } from "./engine";
import { until } from "./poll";

export type ServiceMountSpec = { Type: "volume" | "bind" | "tmpfs"; Source?: string; Target: string; ReadOnly?: boolean };

const call = async <T = any>(method: string, urlPath: string, json?: unknown): Promise<T> =>
  (await engineTools()).engineJson<T>(swarmSocket(), method, urlPath, json);

/** Services, volumes and host dirs a test made on the swarm engine; `cleanup` removes them all. */
export class SwarmScenario {
  private services = new Set<string>();
  private volumes = new Set<string>();
  private dirs = new Set<string>();

  call = call;

  async createVolume(name: string): Promise<string> {
    this.volumes.add(name);
    await call("POST", "/volumes/create", { Name: name });
    return name;
  }

  /** Remembers a volume made another way (through the console) for cleanup. */
  trackVolume(name: string): string {
    this.volumes.add(name);
    return name;
  }

  async tempDir(tag: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), `vdt-swarm-${tag}-`));
    this.dirs.add(dir);
    return dir;
  }

  /** A replicated service of busybox `sleep` with these mounts; answers its id. Tasks run with no network. */
  async createService(name: string, mounts: ServiceMountSpec[], replicas = 1): Promise<string> {
    const { ID } = await call<{ ID: string }>("POST", "/services/create", {
      Name: name,
      TaskTemplate: { ContainerSpec: { Image: "voldeck-test/busybox:latest", Command: ["sleep", "3600"], Mounts: mounts } },
      Mode: { Replicated: { Replicas: replicas } },
    });
    this.services.add(ID);
    return ID;
  }

  async scaleService(id: string, replicas: number): Promise<void> {
    const current = await call("GET", `/services/${id}`);
    const spec = { ...current.Spec, Mode: { Replicated: { Replicas: replicas } } };
    await call("POST", `/services/${id}/update?version=${current.Version.Index}`, spec);
  }

  async removeService(id: string): Promise<void> {
    await call("DELETE", `/services/${id}`);
    this.services.delete(id);
  }

  /** The hostname of the swarm's only node. */
  async nodeHostname(): Promise<string> {
    const nodes = await call<{ Description: { Hostname: string } }[]>("GET", "/nodes");
    return nodes[0].Description.Hostname;
  }

  async volumeExists(name: string): Promise<boolean> {
    const list = await call<{ Volumes: { Name: string }[] | null }>("GET", `/volumes?filters=${encodeURIComponent(JSON.stringify({ name: [name] }))}`);
    return (list.Volumes ?? []).some((v) => v.Name === name);
  }

  /** Services first; their task containers go away a moment later, then the volumes can be removed. */
  async cleanup(): Promise<void> {
    for (const id of this.services) await call("DELETE", `/services/${id}`).catch(() => {});
    this.services.clear();
    for (const name of this.volumes) {
      await until(
        `volume ${name} removed`,
        () =>
          call("DELETE", `/volumes/${encodeURIComponent(name)}`).then(
            () => true,
            (e: Error) => /404/.test(e.message),
          ),
        (gone) => gone,
        { timeoutMs: 30_000, intervalMs: 500 },
      ).catch(() => {});
    }
    this.volumes.clear();
    for (const dir of this.dirs) await rm(dir, { recursive: true, force: true });
    this.dirs.clear();
  }
}
