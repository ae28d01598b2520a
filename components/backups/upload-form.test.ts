import { describe, expect, it } from "vitest";
import { EMPTY_ARCHIVE, NO_ARCHIVE, uploadFieldOf, uploadFormSchema } from "./upload-form";

const archive = new File([new Uint8Array(10)], "pg.tar.gz");
const messages = (input: unknown) => {
  const r = uploadFormSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("uploadFormSchema", () => {
  it("accepts a picked archive and a valid name, trimmed", () => {
    const r = uploadFormSchema.parse({ file: archive, volume: "  pgdata " });
    expect(r.volume).toBe("pgdata");
    expect(r.file).toBe(archive);
  });
  it("says to choose an archive when none is picked, and refuses an empty file", () => {
    expect(messages({ file: null, volume: "pgdata" })).toEqual({ file: NO_ARCHIVE });
    expect(messages({ file: new File([], "empty.tar"), volume: "pgdata" })).toEqual({ file: EMPTY_ARCHIVE });
  });
  it("refuses the volume names the server refuses, with the server's message", () => {
    expect(messages({ file: archive, volume: "" }).volume).toMatch(/at least 2 characters/);
    expect(messages({ file: archive, volume: "-x" }).volume).toMatch(/starting with a letter or digit/);
    expect(messages({ file: archive, volume: "a".repeat(256) }).volume).toMatch(/at most 255/);
  });
  it("reports both fields at once", () => {
    expect(Object.keys(messages({ file: null, volume: "/" })).sort()).toEqual(["file", "volume"]);
  });
});

describe("uploadFieldOf", () => {
  it("places the query's volume on its field and nothing else", () => {
    expect(uploadFieldOf("volume")).toBe("volume");
    expect(uploadFieldOf("")).toBeUndefined();
    expect(uploadFieldOf("file")).toBeUndefined();
  });
});
