// Pure reading of what only a container's inspect tells about its life (when it started and stopped, its
// health, its exit code) and about its tmpfs mounts (size and mode). No I/O: unit-tested beside the code.
import type { ContainerLife, TmpfsOptions } from "@/lib/api/types";

/** The parts of `GET /containers/{id}/json` read here. */
export type RawInspect = {
  State?: {
    Status?: string;
    StartedAt?: string;
    FinishedAt?: string;
    ExitCode?: number;
    Health?: { Status?: string } | null;
  };
  RestartCount?: number;
  HostConfig?: {
    VolumesFrom?: string[] | null;
    Tmpfs?: Record<string, string> | null;
    Mounts?: { Type?: string; Target?: string; TmpfsOptions?: { SizeBytes?: number; Mode?: number } | null }[] | null;
  };
};

// The engine writes "0001-01-01T00:00:00Z" for a time that never happened (a container never started).
function engineTime(value: string | undefined): string | null {
  if (!value || value.startsWith("0001-")) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function toLife(info: RawInspect): ContainerLife {
  const health = info.State?.Health?.Status;
  return {
    startedAt: engineTime(info.State?.StartedAt),
    finishedAt: engineTime(info.State?.FinishedAt),
    exitCode: typeof info.State?.ExitCode === "number" ? info.State.ExitCode : null,
    health: health === "starting" || health === "healthy" || health === "unhealthy" ? health : null,
    restartCount: info.RestartCount ?? 0,
  };
}

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--tmpfs /p:size=64m,mode=1777` → {sizeBytes, mode}; a size in percent of memory is left unknown. */
export function parseTmpfsOptions(opts: string): TmpfsOptions {
  let sizeBytes: number | null = null;
  let mode: string | null = null;
  for (const part of opts.split(",")) {
    const [key, value = ""] = part.split("=");
    if (key === "size") {
      const m = /^(\d+)([bkmg]?)$/i.exec(value.trim());
      if (m) sizeBytes = Number(m[1]) * UNITS[m[2].toLowerCase()];
    } else if (key === "mode" && /^[0-7]{1,4}$/.test(value)) mode = value.padStart(4, "0");
  }
  return { sizeBytes, mode };
}

/** destination → size and mode, for `--tmpfs` (HostConfig.Tmpfs) and `--mount type=tmpfs` (HostConfig.Mounts). */
export function tmpfsOptionsOf(info: RawInspect): Record<string, TmpfsOptions> {
  const out: Record<string, TmpfsOptions> = {};
  for (const [dest, opts] of Object.entries(info.HostConfig?.Tmpfs ?? {})) out[dest] = parseTmpfsOptions(opts);
  for (const m of info.HostConfig?.Mounts ?? []) {
    if (m.Type !== "tmpfs" || !m.Target) continue;
    const o = m.TmpfsOptions ?? {};
    out[m.Target] = {
      sizeBytes: o.SizeBytes ? o.SizeBytes : null,
      // The engine keeps the mode as a number (os.FileMode): shown in octal as `mode=` is written.
      mode: o.Mode ? o.Mode.toString(8).padStart(4, "0") : null,
    };
  }
  return out;
}

/**
 * What of the list's answer says the life facts may have changed: the state, and the health the list's
 * status text ends with. When the event stream is down this is the only sign that a kept inspect is stale.
 */
export function lifeKey(state: string | undefined, status: string | undefined): string {
  const health = /\((healthy|unhealthy|health: starting)\)/.exec(status ?? "")?.[1] ?? "";
  return `${state ?? ""}|${health}`;
}
