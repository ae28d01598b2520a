import { describe, expect, it } from "vitest";
import { textParam } from "./url-text-param";

describe("textParam", () => {
  const q = textParam("q");

  it("reads the parameter, or empty text without it", () => {
    expect(q.read(new URLSearchParams("q=backup.create&x=1"))).toBe("backup.create");
    expect(q.read(new URLSearchParams("x=1"))).toBe("");
  });

  it("writes into a copy, keeps the other parameters, and leaves empty text out", () => {
    const params = new URLSearchParams("x=1");
    expect(q.write(params, "a b").toString()).toBe("x=1&q=a+b");
    expect(q.write(new URLSearchParams("x=1&q=old"), "").toString()).toBe("x=1");
    expect(params.toString()).toBe("x=1");
  });
});
