import { describe, expect, it } from "vitest";
import { dedupRatio, errorParts } from "./repo-words";

const reachable = { reachable: true, snapshots: 3 };

describe("dedupRatio", () => {
  it("divides what the snapshots hold by what the repository stores", () => {
    expect(dedupRatio({ ...reachable, logicalBytes: 3200, storedBytes: 1000 }).text).toBe("3.2×");
    expect(dedupRatio({ ...reachable, logicalBytes: 25_000, storedBytes: 1000 }).text).toBe("25×");
    expect(dedupRatio({ ...reachable, logicalBytes: 900, storedBytes: 1000 }).text).toBe("0.9×");
  });
  it("says why there is none: unreachable, no snapshots, sizes unknown", () => {
    expect(dedupRatio({ reachable: false, snapshots: null, logicalBytes: null, storedBytes: null })).toMatchObject({ text: "—", title: /could not be read/ });
    expect(dedupRatio({ reachable: true, snapshots: 0, logicalBytes: 0, storedBytes: 0 })).toMatchObject({ text: "—", title: /No snapshots/ });
    expect(dedupRatio({ ...reachable, logicalBytes: undefined, storedBytes: 10 })).toMatchObject({ text: "—", title: /did not report/ });
    expect(dedupRatio({ ...reachable, logicalBytes: 10, storedBytes: 0 })).toMatchObject({ text: "—" });
  });
});

describe("errorParts", () => {
  it("keeps restic's own words apart from the sentence", () => {
    expect(errorParts("The repository at sftp:u@h:/r cannot be reached: ssh: connect to host h port 22: Connection refused.")).toEqual({
      sentence: "The repository at sftp:u@h:/r cannot be reached.",
      raw: "ssh: connect to host h port 22: Connection refused",
    });
    expect(errorParts("restic failed on https://s3.example/b (exit 1): boom.")).toEqual({
      sentence: "restic failed on https://s3.example/b (exit 1).",
      raw: "boom",
    });
  });
  it("leaves a sentence without a cause whole", () => {
    expect(errorParts("The password does not open the repository at /srv/repo.")).toEqual({
      sentence: "The password does not open the repository at /srv/repo.",
    });
  });
});
