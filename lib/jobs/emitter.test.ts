import { afterEach, describe, expect, it, vi } from "vitest";
import type { Job } from "@/lib/api/types";
import { JobEmitter } from "./emitter";

const job = { id: "j1", state: "running", phase: "streaming", stoppedContainers: [], warnings: [], rate: null } as unknown as Job;

describe("JobEmitter", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a listener that throws is logged with the job and its update, and the others still hear of it", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const emitter = new JobEmitter(job);
    const heard: string[] = [];
    emitter.listeners.add(() => {
      throw new Error("socket gone");
    });
    emitter.listeners.add((j) => heard.push(j.id));
    expect(() => emitter.now()).not.toThrow();
    expect(heard).toEqual(["j1"]);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain("job j1");
    expect(String(error.mock.calls[0][0])).toContain("running, streaming");
    expect((error.mock.calls[0][1] as Error).message).toBe("socket gone");
  });
});
