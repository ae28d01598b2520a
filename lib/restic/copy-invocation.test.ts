import { describe, expect, it } from "vitest";
import { copyInvocation, CopyError } from "./copy-invocation";

const base = { PATH: "/usr/bin", TMPDIR: "/tmp", LANG: "C.UTF-8", RESTIC_CACHE_DIR: "/d/restic-cache" };
const local = (id: string) => ({
  id,
  location: `/srv/${id}`,
  args: ["-r", `/srv/${id}`],
  env: { ...base, HOME: `/d/${id}`, RESTIC_PASSWORD_FILE: `/d/${id}/password` },
});
const s3 = (id: string, key: string) => ({
  id,
  location: `https://s3/${id}`,
  args: ["-r", `s3:https://s3/${id}`, "-o", "s3.bucket-lookup=path", "-o", "s3.region=eu"],
  env: { ...base, HOME: `/d/${id}`, RESTIC_PASSWORD_FILE: `/d/${id}/password`, AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: "s" },
});

describe("one restic copy run for two repositories", () => {
  it("writes into the destination and reads the source with its own password file", () => {
    const { inv, fromArgs } = copyInvocation(local("b"), local("a"));
    expect(inv.args).toEqual(["-r", "/srv/b"]);
    expect(inv.env.RESTIC_PASSWORD_FILE).toBe("/d/b/password");
    expect(fromArgs).toEqual(["--from-repo", "/srv/a", "--from-password-file", "/d/a/password"]);
  });

  it("brings the source's backend options and keys along when the destination does not need them", () => {
    const { inv, fromArgs } = copyInvocation(local("b"), s3("a", "K"));
    expect(inv.args).toEqual(["-r", "/srv/b", "-o", "s3.bucket-lookup=path", "-o", "s3.region=eu"]);
    expect(inv.env.AWS_ACCESS_KEY_ID).toBe("K");
    expect(fromArgs[0]).toBe("--from-repo");
  });

  it("reads a source whose location is in a file (REST with credentials) from that file", () => {
    const rest = { ...local("a"), args: ["--repository-file", "/d/a/repository"] };
    expect(copyInvocation(local("b"), rest).fromArgs.slice(0, 2)).toEqual(["--from-repository-file", "/d/a/repository"]);
  });

  it("refuses two repositories that need different keys of the same kind", () => {
    expect(() => copyInvocation(s3("b", "K1"), s3("a", "K2"))).toThrow(CopyError);
    expect(() => copyInvocation(s3("b", "K1"), s3("a", "K1"))).not.toThrow();
  });
});
