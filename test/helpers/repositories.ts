// Repositories and snapshots through the API, for the repository tests.
import fs from "node:fs/promises";
import path from "node:path";
import type { Repository } from "@/lib/api/repository-types";
import type { Job } from "@/lib/api/types";
import { expect } from "vitest";
import { post } from "./api";
import { expectSucceeded, runJob } from "./backups";
import { docker, inspectVolume } from "./docker";

export async function addRepo(id: string, body: Record<string, unknown>): Promise<Repository & { password?: string }> {
  const answer = await post<Repository & { password?: string }>("/api/repositories", { id, ...body });
  expect(answer.status, answer.text).toBe(201);
  return answer.body;
}

export async function snapshotVolume(volume: string, repository: string, extra: Record<string, unknown> = {}): Promise<Job> {
  const job = await expectSucceeded(await runJob(`/api/engines/local/volumes/${volume}/snapshots`, { repository, ...extra }));
  expect(job.snapshotId).toMatch(/^[0-9a-f]{64}$/);
  return job;
}

/** A volume with files in nested directories, written on its mountpoint (the tests run as root on the engine's host). */
export async function makeVolume(name: string, files: Record<string, string>): Promise<string> {
  await docker("volume", "create", name);
  const root = (await inspectVolume(name)).Mountpoint as string;
  for (const [rel, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), text);
  }
  return root;
}
