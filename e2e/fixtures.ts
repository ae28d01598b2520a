// Page objects and a docker CLI through fixtures, so specs read as what a user does and sees.
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { ContainersPage } from "./pages/ContainersPage";
import { VolumeDetailPage } from "./pages/VolumeDetailPage";
import { VolumesPage } from "./pages/VolumesPage";
import { DockerCli } from "./support/docker";
import { screenshot } from "./support/shots";

export const SHOTS_DIR = "/tmp/e2e-shots";

type Fixtures = {
  /** The docker CLI on the console's engine "local" (DOCKER_HOST); removes what the test created. */
  docker: DockerCli;
  /** A fresh name, unique to this test run: `vde-<what>-<random>`. */
  uniqueName: (what: string) => string;
  /** Saves a full-page screenshot to /tmp/e2e-shots/<name>.png (with VOLDECK_SHOTS=1: e2e/support/shots.ts). */
  shot: (name: string) => Promise<void>;
  volumesPage: VolumesPage;
  volumeDetailPage: VolumeDetailPage;
  containersPage: ContainersPage;
};

export const test = base.extend<Fixtures>({
  docker: async ({}, use) => {
    const docker = new DockerCli(process.env.DOCKER_HOST ?? "");
    try {
      await use(docker);
    } finally {
      await docker.cleanup();
    }
  },
  uniqueName: async ({}, use) => {
    const suffix = randomBytes(3).toString("hex");
    await use((what) => `vde-${what}-${suffix}`);
  },
  shot: async ({ page }, use) => {
    await mkdir(SHOTS_DIR, { recursive: true });
    await use(async (name) => {
      await screenshot(page, { path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
    });
  },
  volumesPage: async ({ page }, use) => use(new VolumesPage(page)),
  volumeDetailPage: async ({ page }, use) => use(new VolumeDetailPage(page)),
  containersPage: async ({ page }, use) => use(new ContainersPage(page)),
});

export { expect };
