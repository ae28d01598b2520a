import { describe, expect, it } from "vitest";
import { HookOutput, PID_MARK } from "./output";

describe("HookOutput", () => {
  it("takes the process id from stderr's first line and keeps the rest in arrival order", () => {
    const o = new HookOutput();
    o.stderr(Buffer.from(`${PID_MARK}42\nwarn `));
    o.stdout(Buffer.from("out "));
    o.stderr(Buffer.from("more"));
    expect(o.pid).toBe(42);
    expect(o.text()).toBe("warn out more");
  });

  it("keeps stderr whose first line is not the marker (the wrapper could not run)", () => {
    const o = new HookOutput();
    o.stderr(Buffer.from("exec failed: no /bin/sh"));
    expect(o.text()).toBe("exec failed: no /bin/sh");
    expect(o.pid).toBeNull();
  });

  it("keeps only the last bytes of a long output and says it was cut", () => {
    const o = new HookOutput(10);
    for (let i = 0; i < 5; i++) o.stdout(Buffer.from(`line${i}\n`));
    const text = o.text();
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("line4\n")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(11);
  });
});
