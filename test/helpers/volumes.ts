// Reading the console's view of volumes and containers, by name.
import type { Container, Volume } from "@/lib/api/types";
import { expect } from "vitest";
import { get, volumesPath } from "./api";
import { until } from "./poll";

// The lists are served from the console's live index, which learns of a change from the engine's event
// stream. A test that has just made something with the docker CLI can ask before that event has arrived
// (seen in a busy CI run), so the by-name readers of a list wait until it is listed.

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

/** The list's entry for a volume, once the list holds it. */
export async function listedVolume(name: string, engine = "local"): Promise<Volume> {
  const list = await until(
    `the console to list volume "${name}"`,
    () => apiVolumes(engine),
    (vs) => vs.some((v) => v.name === name),
  );
  return list.find((v) => v.name === name)!;
}

/** The list's entry for a container, once the list holds it. */
export async function apiContainer(name: string, engine = "local"): Promise<Container> {
  const list = await until(
    `the console to list container "${name}"`,
    () => apiContainers(engine),
    (cs) => cs.some((c) => c.name === name),
  );
  return list.find((c) => c.name === name)!;
}
