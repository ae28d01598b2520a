import { describe, expect, it } from "vitest";
import { demuxLogs } from "./logs";

const frame = (type: number, text: string) => {
  const body = Buffer.from(text);
  const head = Buffer.alloc(8);
  head[0] = type;
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
};

describe("demuxLogs", () => {
  it("joins stdout and stderr frames in order, without their headers", () => {
    const raw = Buffer.concat([frame(1, "ok 1\n"), frame(2, "warn\n"), frame(1, "ok 2\n")]);
    expect(Buffer.concat(demuxLogs(raw)).toString()).toBe("ok 1\nwarn\nok 2\n");
  });

  it("keeps a frame cut short, and takes unframed output as it is", () => {
    const cut = frame(1, "abcdef").subarray(0, 11);
    expect(Buffer.concat(demuxLogs(cut)).toString()).toBe("abc");
    expect(Buffer.concat(demuxLogs(Buffer.from("plain text output"))).toString()).toBe("plain text output");
  });

  it("answers nothing for no logs", () => {
    expect(demuxLogs(Buffer.alloc(0))).toEqual([]);
  });
});
