import { describe, expect, it } from "vitest";
import { LocationError, parseLocation } from "./location";

describe("parseLocation", () => {
  it("turns each kind into restic's repository string", () => {
    expect(parseLocation("local", "/srv/repo").repo).toBe("/srv/repo");
    expect(parseLocation("sftp", "backup@nas.lan:2222:/data/repo")).toEqual({
      repo: "sftp:backup@nas.lan:/data/repo",
      sftp: { user: "backup", host: "nas.lan", port: 2222, path: "/data/repo" },
    });
    expect(parseLocation("sftp", "root@127.0.0.1:/r").sftp?.port).toBe(22);
    expect(parseLocation("s3", "https://s3.example.com/bucket/pre/fix/").repo).toBe("s3:https://s3.example.com/bucket/pre/fix");
    expect(parseLocation("rest", "http://127.0.0.1:8000").repo).toBe("rest:http://127.0.0.1:8000/");
    expect(parseLocation("rest", "https://h:1/user/repo").repo).toBe("rest:https://h:1/user/repo/");
    expect(parseLocation("rclone", "mydrive:backups/vol").repo).toBe("rclone:mydrive:backups/vol");
  });

  it.each([
    ["local", "relative/path"],
    ["local", "/a/../etc"],
    ["sftp", "host:/path"],
    ["sftp", "u@h:99999:/p"],
    ["sftp", "u@h:relative"],
    ["s3", "https://endpoint"],
    ["s3", "ftp://endpoint/b"],
    ["s3", "https://key:secret@endpoint/b"],
    ["rest", "http://user:pw@h:8000/"],
    ["rest", "not a url"],
    ["rclone", "no-colon"],
    ["local", "/a\nb"],
  ] as const)("refuses %s location %j", (kind, location) => {
    expect(() => parseLocation(kind, location)).toThrow(LocationError);
  });
});
