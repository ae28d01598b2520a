import { describe, expect, it } from "vitest";
import { ATTEMPTS, retryDelays } from "./retry";

describe("retry delays", () => {
  it("defaults to 1 s, 4 s, 16 s between four attempts", () => {
    expect(ATTEMPTS).toBe(4);
    expect(retryDelays(undefined)).toEqual([1000, 4000, 16000]);
  });

  it("takes the base from the setting, and ignores nonsense", () => {
    expect(retryDelays("20")).toEqual([20, 80, 320]);
    expect(retryDelays("0")).toEqual([1000, 4000, 16000]);
    expect(retryDelays("soon")).toEqual([1000, 4000, 16000]);
    expect(retryDelays("600000")).toEqual([1000, 4000, 16000]);
  });
});
