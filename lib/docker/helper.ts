import "server-only";
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { registerEngineState } from "@/lib/engine-state/registry";
import { docker, streamingDocker } from "./clients";
import { engineStatus, toApiError } from "./errors";
import { deferHelperRemoval, INSTANCE_LABEL, sweepHelpers } from "./helper-cleanup";
import { archiveOverSocket, putArchiveOverSocket } from "./helper-stream";
import { HELPER_LABEL } from "./mapping";

// Helper containers give the engine's archive API a handle on a volume: created from a tiny image imported
// from an empty tar (no registry, no pull), never started, no network, the volume mounted at /volume. They are
// labelled (hidden from the containers page, found again after a crash) and removed after use.

export const HELPER_REPO = "voldeck/helper";
export const HELPER_TAG = "1";
export const HELPER_IMAGE = `${HELPER_REPO}:${HELPER_TAG}`;
export const JOB_LABEL = "io.voldeck.job";
export const VOLUME_PATH = "/volume";

const EMPTY_TAR = Buffer.alloc(1024);

type State = { images: Map<string, Promise<void>>; active: Set<string>; instance: string };
const g = globalThis as typeof globalThis & { __voldeckHelpers?: State };
const state: State = (g.__voldeckHelpers ??= { images: new Map(), active: new Set(), instance: randomUUID() });

export const instanceId = (): string => state.instance;

export type Helper = { engine: string; id: string; volume: string };

async function importImage(engineId: string): Promise<void> {
  const client = docker(engineId);
  try {
    await client.getImage(HELPER_IMAGE).inspect();
    return;
  } catch (e) {
    if (engineStatus(e) !== 404) throw toApiError(e, engineId);
  }
  const stream = await new Promise<Readable>((resolve, reject) =>
    client.modem.dial(
      {
        path: "/images/create?",
        method: "POST",
        options: { fromSrc: "-", repo: HELPER_REPO, tag: HELPER_TAG, changes: 'CMD ["/none"]' },
        file: EMPTY_TAR,
        headers: { "Content-Type": "application/x-tar" },
        isStream: true,
        statusCodes: { 200: true, 400: "bad parameter", 500: "server error" },
      },
      (err: unknown, data: unknown) => (err ? reject(toApiError(err, engineId)) : resolve(data as Readable)),
    ),
  );
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  const failure = /"error"\s*:\s*"([^"]*)"/.exec(text)?.[1];
  if (failure) throw toApiError(new Error(`importing the helper image failed: ${failure}`), engineId);
}

/**
 * Imports the helper image once per engine (checked by inspect first). The first time, helpers another console
 * process left on this engine (it crashed, or the engine was down when this one started) are removed too.
 */
export function ensureHelperImage(engineId: string): Promise<void> {
  let p = state.images.get(engineId);
  if (!p) {
    p = importImage(engineId).then(() => {
      void sweepHelpers(engineId, state.instance).catch(() => {});
    });
    state.images.set(engineId, p);
    // A failure is not remembered: the next job tries again (the engine may come back, or the image be removed).
    p.catch(() => state.images.delete(engineId));
  }
  return p;
}

// The engine was changed or removed from the console: look for the helper image there again.
registerEngineState("helper image", (id) => state.images.delete(id));

/** A created (never started) container with `volume` at /volume. */
export async function createHelper(engineId: string, volume: string, opts: { readOnly: boolean; jobId: string }): Promise<Helper> {
  await ensureHelperImage(engineId);
  const create = () =>
    docker(engineId).createContainer({
      Image: HELPER_IMAGE,
      Cmd: ["/none"],
      NetworkDisabled: true,
      Labels: { [HELPER_LABEL]: "1", [JOB_LABEL]: opts.jobId, [INSTANCE_LABEL]: state.instance },
      HostConfig: {
        NetworkMode: "none",
        Mounts: [{ Type: "volume", Source: volume, Target: VOLUME_PATH, ReadOnly: opts.readOnly }],
      },
    });
  try {
    let container;
    try {
      container = await create();
    } catch (e) {
      // Someone removed the image since we checked: import it again, once.
      if (engineStatus(e) !== 404) throw e;
      state.images.delete(engineId);
      await ensureHelperImage(engineId);
      container = await create();
    }
    state.active.add(container.id);
    return { engine: engineId, id: container.id, volume };
  } catch (e) {
    throw toApiError(e, engineId);
  }
}

/** Removes a helper (its volume is never touched); when the engine cannot be reached, later, by itself. */
export async function removeHelper(helper: Helper): Promise<void> {
  try {
    await docker(helper.engine).getContainer(helper.id).remove({ force: true, v: false });
  } catch (e) {
    if (engineStatus(e) !== 404) deferHelperRemoval(helper.engine, helper.id);
  } finally {
    state.active.delete(helper.id);
  }
}

export type PathStat = { name: string; size: number; mode: number; mtime: string; linkTarget: string };

/** `HEAD …/archive`: the engine's stat of a path inside the helper (mtime to the nanosecond). */
export async function statPath(helper: Helper, path: string): Promise<PathStat> {
  try {
    const res = (await docker(helper.engine).getContainer(helper.id).infoArchive({ path })) as { headers: Record<string, string> };
    const header = res.headers["x-docker-container-path-stat"];
    return JSON.parse(Buffer.from(header, "base64").toString("utf8")) as PathStat;
  } catch (e) {
    throw toApiError(e, helper.engine);
  }
}

/** `GET …/archive?path=/volume/.`: the volume's contents as a tar stream, entries relative to its root. */
export async function getVolumeArchive(helper: Helper, signal: AbortSignal): Promise<Readable> {
  try {
    const { socketPath } = streamingDocker(helper.engine).modem as { socketPath?: unknown };
    if (typeof socketPath === "string") return await archiveOverSocket(socketPath, helper.id, `${VOLUME_PATH}/.`, signal);
    return (await streamingDocker(helper.engine)
      .getContainer(helper.id)
      .getArchive({ path: `${VOLUME_PATH}/.`, abortSignal: signal })) as unknown as Readable;
  } catch (e) {
    throw toApiError(e, helper.engine);
  }
}

/** `PUT …/archive?path=/volume` with a tar (or tar.gz) body; resolves once the engine has extracted it all. */
export function putVolumeArchive(helper: Helper, body: Readable, signal: AbortSignal): Promise<void> {
  const { socketPath } = streamingDocker(helper.engine).modem as { socketPath?: unknown };
  if (typeof socketPath === "string") {
    return putArchiveOverSocket(socketPath, helper.id, VOLUME_PATH, body, signal).catch((e) => Promise.reject(toApiError(e, helper.engine)));
  }
  return new Promise((resolve, reject) =>
    streamingDocker(helper.engine).modem.dial(
      {
        path: `/containers/${helper.id}/archive?`,
        method: "PUT",
        options: { path: VOLUME_PATH },
        file: body,
        headers: { "Content-Type": "application/x-tar" },
        abortSignal: signal,
        statusCodes: { 200: true, 400: "bad parameter", 403: "permission denied", 404: "no such container or path", 500: "server error" },
      },
      (err: unknown) => (err ? reject(toApiError(err, helper.engine)) : resolve()),
    ),
  );
}
