import "server-only";
import { Readable } from "node:stream";
import type { DataPath, Volume } from "@/lib/api/types";
import { streamingDocker } from "@/lib/docker/clients";
import { getVolumeArchive, type Helper } from "@/lib/docker/helper";
import { directAccess } from "./direct";
import type { DataPathChoice } from "./settings";
import { packDirectory, type PackIssue } from "./tar/pack-dir";

// Where a volume's tar comes from: read directly from its mountpoint when possible (and allowed), else the
// engine's archive API through a helper container.

export type VolumeSource = { stream: Readable; dataPath: DataPath; issues: PackIssue[]; directReason: string | null };

export async function openVolumeSource(volume: Volume, helper: Helper, choice: DataPathChoice, signal: AbortSignal): Promise<VolumeSource> {
  let directReason: string | null = null;
  if (choice !== "archive") {
    const access = await directAccess(volume, helper);
    if (access.ok) {
      const issues: PackIssue[] = [];
      const stream = Readable.from(packDirectory(access.mountpoint, { onIssue: (i) => issues.push(i) }), { highWaterMark: 8 });
      return { stream, dataPath: "direct", issues, directReason: null };
    }
    if (choice === "direct") throw new Error(`The direct data path is not available for "${volume.name}": ${access.reason}.`);
    directReason = access.reason;
  }
  return { stream: await getVolumeArchive(helper, signal), dataPath: "archive", issues: [], directReason };
}

type DfVolume = { Name: string; UsageData?: { Size?: number } | null };

/** The engine's own measure of a volume's size (`/system/df`), freshly taken; null when it cannot tell in time. */
export function engineVolumeSize(engineId: string, volume: string, timeoutMs = 20_000): Promise<number | null> {
  return new Promise((resolve) => {
    streamingDocker(engineId).modem.dial(
      {
        path: "/system/df?",
        method: "GET",
        options: { type: "volume" },
        abortSignal: AbortSignal.timeout(timeoutMs),
        statusCodes: { 200: true, 400: "bad parameter", 500: "server error" },
      },
      (err: unknown, data: unknown) => {
        if (err) return resolve(null);
        const found = ((data as { Volumes?: DfVolume[] | null })?.Volumes ?? []).find((v) => v.Name === volume);
        const size = found?.UsageData?.Size;
        resolve(typeof size === "number" && size >= 0 ? size : null);
      },
    );
  });
}
