import { describe, expect, it } from "vitest";
import { createRepositoryBody } from "@/lib/api/repository-schemas";
import { emptyRepoForm, repoFieldOf, repoFormSchema, toCreateRepositoryBody, type RepoFormValues } from "./repo-form";

const form = (patch: Partial<RepoFormValues>): RepoFormValues => ({ ...emptyRepoForm, id: "offsite", ...patch });
const issues = (v: RepoFormValues) => (repoFormSchema.safeParse(v).error?.issues ?? []).map((i) => i.path.join("."));
const body = (v: RepoFormValues) => toCreateRepositoryBody(repoFormSchema.parse(v));

describe("the add-repository form", () => {
  it("sends a local repository without a password (the server generates one) and initialises by default", () => {
    const b = body(form({ location: " /srv/restic ", name: "" }));
    expect(b).toEqual({ id: "offsite", kind: "local", location: "/srv/restic", init: true });
    // What the form sends, the server accepts.
    expect(createRepositoryBody.safeParse(b).success).toBe(true);
  });

  it("sends only the chosen kind's fields, and connect-only as init: false", () => {
    const b = body(
      form({
        kind: "s3",
        location: "https://s3.example/bucket/prefix",
        password: "long enough",
        mode: "connect",
        sftpKey: "left over from another kind",
        s3: { accessKeyId: "AK", secretAccessKey: "SK", region: "", pathStyle: true },
      }),
    );
    expect(b).toEqual({
      id: "offsite",
      kind: "s3",
      location: "https://s3.example/bucket/prefix",
      password: "long enough",
      init: false,
      s3: { accessKeyId: "AK", secretAccessKey: "SK", pathStyle: true },
    });
    expect(createRepositoryBody.safeParse(b).success).toBe(true);
  });

  it("refuses what the server would refuse, on the field concerned", () => {
    expect(issues(form({ id: "Bad Id", location: "/x" }))).toEqual(["id"]);
    expect(repoFormSchema.safeParse(form({ id: "", location: "/x" })).error?.issues.map((i) => i.message)).toEqual([
      "Give the repository an id, like offsite or nas.",
    ]);
    expect(issues(form({ location: "relative/path" }))).toEqual(["location"]);
    expect(issues(form({ location: "/x", password: "short" }))).toEqual(["password"]);
    expect(issues(form({ location: "/x", mode: "connect" }))).toEqual(["password"]);
    expect(issues(form({ kind: "sftp", location: "u@h:/r", sftpKey: "" }))).toEqual(["sftpKey"]);
    expect(issues(form({ kind: "sftp", location: "h:/r", sftpKey: "-----BEGIN OPENSSH PRIVATE KEY-----" }))).toEqual(["location"]);
    expect(issues(form({ kind: "s3", location: "https://s3.example/b" }))).toEqual(["s3.accessKeyId", "s3.secretAccessKey"]);
    expect(issues(form({ kind: "rest", location: "http://u:p@h:8000/" }))).toEqual(["location"]);
    expect(issues(form({ kind: "rest", location: "http://h:8000/", rest: { username: "u", password: "" } }))).toEqual(["rest.password"]);
    expect(issues(form({ kind: "rclone", location: "remote:path" }))).toEqual(["rcloneConfig"]);
  });

  it("maps the server's issue paths to the form's fields", () => {
    expect(repoFieldOf("sftp.privateKey")).toBe("sftpKey");
    expect(repoFieldOf("rclone.config")).toBe("rcloneConfig");
    expect(repoFieldOf("s3.accessKeyId")).toBe("s3.accessKeyId");
    expect(repoFieldOf("id")).toBe("id");
    expect(repoFieldOf("")).toBeUndefined();
    expect(repoFieldOf("s3")).toBeUndefined();
  });
});
