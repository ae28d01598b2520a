import { describe, expect, it } from "vitest";
import { parseEventData } from "./event-data";

describe("parseEventData", () => {
  it("reads a message's JSON", () => {
    expect(parseEventData<{ kind: string }>('{"kind":"engine","state":"up"}')).toEqual({ kind: "engine", state: "up" });
  });

  it("gives undefined for a message that is not JSON, instead of throwing", () => {
    expect(parseEventData("{cut")).toBeUndefined();
    expect(parseEventData("")).toBeUndefined();
  });
});
