import { describe, expect, it } from "vitest";
import { suggestVolumeName } from "./upload-name";

describe("suggestVolumeName", () => {
  it("takes our own download names back to the volume's name", () => {
    expect(suggestVolumeName("pgdata-2026-11-22-131500.tar.gz")).toBe("pgdata");
    expect(suggestVolumeName("app_files-2026-01-02-030405.tar")).toBe("app_files");
  });

  it("turns other names into valid volume names, or gives up", () => {
    expect(suggestVolumeName("My Data.tgz")).toBe("My-Data");
    expect(suggestVolumeName("  .hidden.tar")).toBe("hidden");
    expect(suggestVolumeName("x.tar")).toBe("");
    expect(suggestVolumeName("ÄÖÜ.tar.gz")).toBe("");
  });
});
