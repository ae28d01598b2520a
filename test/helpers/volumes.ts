// Reading the console's view of volumes and containers, by name.
import type { Container, Volume } from "@/lib/api/types";
import { expect } from "vitest";
import { get, volumesPath } from "./api";

export async function apiVolume(name: string, engine = "local"): Promise<Volume> {
  const answer = await get<Volume>(`${volumesPath(engine)}/${encodeURIComponent(name)}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

export async function apiVolumes(engine = "local"): Promise<Volume[]> {
  const answer = await get<{ volumes: Volume[] }>(volumesPath(engine));
  expect(answer.status, answer.text).toBe(200);
  return answer.body.volumes;
}

export async function apiContainers(engine = "local"): Promise<Container[]> {
  const answer = await get<{ containers: Container[] }>(`/api/engines/${engine}/containers`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body.containers;
}

export async function apiContainer(name: string, engine = "local"): Promise<Container> {
  const found = (await apiContainers(engine)).find((c) => c.name === name);
  if (!found) throw new Error(`the console lists no container "${name}"`);
  return found;
}
