// Unique names per test file, and a registry of what a test created so afterAll removes it all:
// every test file shares one engine.
import { randomBytes } from "node:crypto";
import { docker } from "./docker";

export function uniquePrefix(tag: string): string {
  return `vdt-${tag}-${randomBytes(3).toString("hex")}`;
}

export class Scenario {
  private containers = new Set<string>();
  private volumes = new Set<string>();
  private n = 0;

  constructor(readonly prefix: string) {}

  /** A fresh name under this scenario's prefix. */
  name(what: string): string {
    return `${this.prefix}-${what}-${++this.n}`;
  }

  container(name: string): string {
    this.containers.add(name);
    return name;
  }

  volume(name: string): string {
    this.volumes.add(name);
    return name;
  }

  /** Containers first (they hold volumes), with their anonymous volumes, then the named volumes. */
  async cleanup(): Promise<void> {
    const containers = [...this.containers];
    if (containers.length) await docker("rm", "-f", "-v", ...containers).catch(() => {});
    for (const v of this.volumes) await docker("volume", "rm", "-f", v).catch(() => {});
    this.containers.clear();
    this.volumes.clear();
  }
}
