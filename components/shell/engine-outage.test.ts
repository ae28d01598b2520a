import { describe, expect, it } from "vitest";
import { healthOf, outageSentence } from "./engine-outage";

describe("outageSentence", () => {
  it("turns a missing socket into a sentence, without the raw error", () => {
    const s = outageSentence("connect ENOENT /tmp/x/docker.sock");
    expect(s).toMatch(/Nothing is listening/);
    expect(s).not.toMatch(/ENOENT/);
  });
  it("names refusals, permissions and silence", () => {
    expect(outageSentence("connect ECONNREFUSED 127.0.0.1:2375")).toMatch(/refused/);
    expect(outageSentence("connect EACCES /var/run/docker.sock")).toMatch(/permission denied/);
    expect(outageSentence("the engine did not answer within 10 s")).toMatch(/paused/);
  });
  it("has a plain sentence for what it does not know", () => {
    expect(outageSentence("something odd")).toBe("The engine cannot be reached.");
    expect(outageSentence(null)).toBe("The engine cannot be reached.");
  });
});

describe("healthOf", () => {
  const since = Date.parse("2024-05-01T14:02:00Z");
  it("is live and writable while the stream is up", () => {
    expect(healthOf("e", { connected: true, engineDown: null, notAnswering: null, troubleSince: null })).toEqual({
      engine: "e",
      state: "live",
      asOf: null,
      writesDisabledReason: null,
    });
  });
  it("marks data stale as of the outage and disables writes while down or not answering", () => {
    const down = healthOf("e", { connected: true, engineDown: "connect ENOENT /x", notAnswering: null, troubleSince: since });
    expect(down).toMatchObject({ state: "down", asOf: "2024-05-01T14:02:00.000Z" });
    expect(down.writesDisabledReason).toMatch(/cannot be reached/);
    const paused = healthOf("e", { connected: true, engineDown: null, notAnswering: "did not answer", troubleSince: since });
    expect(paused).toMatchObject({ state: "not_answering", asOf: "2024-05-01T14:02:00.000Z" });
    expect(paused.writesDisabledReason).toMatch(/not responding/);
  });
});
