// A container's status text, computed from the engine's state and times at a given moment — never the engine's
// own "Up 43 seconds", which is true only at the instant it was read. Pure: unit-tested beside the code.
import type { Container } from "@/lib/api/types";

export type StatusTone = "ok" | "warn" | "danger" | "muted";
export type LiveStatus = { text: string; tone: StatusTone; /** When the text starts to need a refresh each second. */ ageMs: number | null };

type Facts = Pick<Container, "state" | "status" | "createdAt" | "startedAt" | "finishedAt" | "exitCode" | "health">;

/** 12 s, 3 min, 5 h, 2 days: short enough for a dense table, exact enough to see time pass. */
export function shortDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  const d = Math.floor(h / 24);
  return d < 60 ? `${d} days` : `${Math.floor(d / 30)} months`;
}

const since = (iso: string | null | undefined, now: number) => (iso ? now - Date.parse(iso) : null);

export function liveStatus(c: Facts, now: number): LiveStatus {
  const up = since(c.startedAt, now);
  const down = since(c.finishedAt, now);
  const exit = c.exitCode ?? 0;
  switch (c.state) {
    case "running": {
      // Without the inspect's times (an engine older than the console expects) the engine's text is all there is.
      if (up === null) return { text: c.status || "Running", tone: "ok", ageMs: null };
      const health = c.health ? ` · ${c.health === "starting" ? "health starting" : c.health}` : "";
      return { text: `Up ${shortDuration(up)}${health}`, tone: c.health === "unhealthy" ? "danger" : c.health === "starting" ? "warn" : "ok", ageMs: up };
    }
    case "paused":
      return { text: up === null ? "Paused" : `Paused · up ${shortDuration(up)}`, tone: "warn", ageMs: up };
    case "restarting":
      return { text: down === null ? "Restarting" : `Restarting · exited (${exit}) ${shortDuration(down)} ago`, tone: "warn", ageMs: down };
    case "exited":
      if (down === null) return { text: `Exited (${exit})`, tone: exit === 0 ? "muted" : "danger", ageMs: null };
      return { text: `Exited (${exit}) ${shortDuration(down)} ago`, tone: exit === 0 ? "muted" : "danger", ageMs: down };
    case "created": {
      const made = since(c.createdAt, now);
      return { text: made === null ? "Never started" : `Created ${shortDuration(made)} ago · never started`, tone: "muted", ageMs: made };
    }
    case "dead":
      return { text: "Dead", tone: "danger", ageMs: null };
    default:
      return { text: c.status || c.state, tone: "muted", ageMs: null };
  }
}
