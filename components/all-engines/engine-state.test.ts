import { describe, expect, it } from "vitest";
import type { AllVolumes, EngineVolume } from "@/lib/api/all-engines-types";
import { engineState } from "./engine-state";

const volume = (engine: string, name: string) => ({ engine, name }) as EngineVolume;

describe("engineState", () => {
  it("is loading before the first answer", () => {
    expect(engineState("peer", undefined, null)).toEqual({ id: "peer", kind: "loading" });
  });

  it("keeps only the engine's own rows", () => {
    const data: AllVolumes = { volumes: [volume("peer", "a"), volume("local", "b")], engines: [{ id: "peer", ok: true, ms: 12 }] };
    expect(engineState("peer", data, null)).toEqual({ id: "peer", kind: "ok", volumes: [volume("peer", "a")], ms: 12 });
  });

  it("says why an engine is unavailable", () => {
    const data: AllVolumes = { volumes: [], engines: [{ id: "spare", ok: false, error: "connect ENOENT", ms: 1 }] };
    expect(engineState("spare", data, null)).toEqual({ id: "spare", kind: "unavailable", reason: "connect ENOENT" });
  });

  it("reports a failed request, but keeps showing the last answer while a refetch fails", () => {
    expect(engineState("peer", undefined, new Error("server gone"))).toEqual({ id: "peer", kind: "unavailable", reason: "server gone" });
    const data: AllVolumes = { volumes: [volume("peer", "a")], engines: [{ id: "peer", ok: true, ms: 3 }] };
    expect(engineState("peer", data, new Error("blip")).kind).toBe("ok");
  });
});
