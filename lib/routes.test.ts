import { describe, expect, it } from "vitest";
import { engineSection, targetPath } from "./routes";

describe("engine switcher paths", () => {
  it("keeps the section of an engine page", () => {
    expect(targetPath("/engines/local/volumes", "peer")).toBe("/engines/peer/volumes");
    expect(targetPath("/engines/local/containers", "peer")).toBe("/engines/peer/containers");
    expect(targetPath("/engines/swarm/services", "local")).toBe("/engines/local/services");
  });

  it("leads from a volume's page to the other engine's list", () => {
    expect(targetPath("/engines/local/volumes/data-1", "peer")).toBe("/engines/peer/volumes");
    expect(engineSection("/engines/local/volumes/data-1/files")).toBe("volumes");
  });

  it("opens the volumes of the engine from a page of no engine", () => {
    for (const from of ["/volumes", "/backups", "/admin/users", "/schedules", "/engines/local/unknown"]) {
      expect(targetPath(from, "peer")).toBe("/engines/peer/volumes");
    }
  });

  it("encodes the engine id and leads to the all-engines view for null", () => {
    expect(targetPath("/engines/local/volumes", "a b")).toBe("/engines/a%20b/volumes");
    expect(targetPath("/engines/local/containers", null)).toBe("/volumes");
  });
});
