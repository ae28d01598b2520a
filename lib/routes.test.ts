import { describe, expect, it } from "vitest";
import {
  ALL_VOLUMES_HREF,
  HOME_HREF,
  adminHref,
  backupAnchor,
  backupHref,
  containerAnchor,
  containerFragment,
  containerHref,
  engineSection,
  engineSectionHref,
  filesHref,
  snapshotHref,
  isEnginePage,
  scheduleAnchor,
  scheduleHref,
  serviceAnchor,
  servicesHref,
  targetPath,
  volumeHref,
  volumesHref,
} from "./routes";

describe("page URLs", () => {
  it("builds one engine's pages with the engine id encoded", () => {
    expect(volumesHref("local")).toBe("/engines/local/volumes");
    expect(engineSectionHref("a b", "containers")).toBe("/engines/a%20b/containers");
    expect(volumeHref("local", "data-1")).toBe("/engines/local/volumes/data-1");
    expect(volumeHref("tcp/peer", "a#b?c")).toBe("/engines/tcp%2Fpeer/volumes/a%23b%3Fc");
    expect(HOME_HREF).toBe("/engines/local/volumes");
  });

  it("links the file browser with the path in the query string", () => {
    expect(filesHref("local", "v1")).toBe("/engines/local/volumes/v1/files");
    expect(filesHref("local", "v1", "/a b/c")).toBe("/engines/local/volumes/v1/files?path=%2Fa+b%2Fc");
  });

  it("links a snapshot's file browser, at its root or a directory", () => {
    expect(snapshotHref("off site", "ab12cd34")).toBe("/repositories/off%20site/snapshots/ab12cd34");
    expect(snapshotHref("r", "ab12cd34", "/a b/c")).toBe("/repositories/r/snapshots/ab12cd34?path=%2Fa+b%2Fc");
    expect(snapshotHref("r", "ab12cd34", "/", { engine: "local", volume: "pg" })).toBe("/repositories/r/snapshots/ab12cd34?engine=local&volume=pg");
    expect(snapshotHref("r", "ab12cd34", "/d", { engine: "local", volume: "pg" })).toBe("/repositories/r/snapshots/ab12cd34?path=%2Fd&engine=local&volume=pg");
  });

  it("names the admin sections", () => {
    expect(adminHref("users")).toBe("/admin/users");
    expect(adminHref("engines")).toBe("/admin/engines");
  });
});

describe("links into a page", () => {
  it("points at the id the page gives the row or card", () => {
    expect(backupHref("b1")).toBe(`/backups#${backupAnchor("b1")}`);
    expect(backupAnchor("b1")).toBe("backup-b1");
    expect(scheduleHref("s1")).toBe(`/schedules#${scheduleAnchor("s1")}`);
    expect(servicesHref("swarm", "web")).toBe(`/engines/swarm/services#${serviceAnchor("web")}`);
    expect(servicesHref("swarm")).toBe("/engines/swarm/services");
    expect(containerHref("local", "db")).toBe(`/engines/local/containers#${containerAnchor("db")}`);
  });

  it("encodes a container's name in the fragment, which the containers page decodes", () => {
    expect(containerFragment("a b")).toBe("#container-a%20b");
    expect(decodeURIComponent(containerHref("local", "a b").split("#")[1])).toBe(containerAnchor("a b"));
  });
});

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
    expect(targetPath("/engines/local/containers", null)).toBe(ALL_VOLUMES_HREF);
    expect(ALL_VOLUMES_HREF).toBe("/volumes");
  });

  it("tells the pages of one engine from the rest", () => {
    expect(isEnginePage("/engines/local/volumes/x")).toBe(true);
    expect(isEnginePage("/volumes")).toBe(false);
    expect(isEnginePage("/admin/engines")).toBe(false);
  });
});
