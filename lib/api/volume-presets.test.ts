import { describe, expect, it } from "vitest";
import { bindsHostPath } from "@/lib/auth/roles";
import { createVolumeBody } from "./schemas";
import { emptyVolumeForm, toCreateVolumeBody, volumeFormSchema, type VolumeFormValues } from "./volume-presets";

const form = (patch: Partial<VolumeFormValues>) => volumeFormSchema.parse({ ...emptyVolumeForm, name: "v1", ...patch });
const problems = (patch: Partial<VolumeFormValues>) => {
  const r = volumeFormSchema.safeParse({ ...emptyVolumeForm, ...patch });
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("toCreateVolumeBody", () => {
  it("local: no options at all", () => {
    expect(toCreateVolumeBody(form({ labels: [{ key: "a", value: "1" }] }))).toEqual({ name: "v1", driver: "local", driverOpts: {}, labels: { a: "1" } });
  });
  it("nfs: type, addr and version in o, the export as device", () => {
    const body = toCreateVolumeBody(form({ preset: "nfs", nfs: { server: "nas.lan", path: "/exports/data", version: "4.1", readOnly: true } }));
    expect(body.driverOpts).toEqual({ type: "nfs", o: "addr=nas.lan,ro,nfsvers=4.1", device: ":/exports/data" });
    expect(bindsHostPath(body.driver, body.driverOpts)).toBe(false);
  });
  it("cifs: the share as //server/share, credentials and version in o", () => {
    const body = toCreateVolumeBody(
      form({ preset: "cifs", cifs: { server: "files.lan", share: "backup", username: "svc", password: "s3cret!", version: "3.0" } }),
    );
    expect(body.driverOpts).toEqual({ type: "cifs", o: "addr=files.lan,username=svc,password=s3cret!,vers=3.0", device: "//files.lan/backup" });
  });
  it("tmpfs: size and mode, or no o at all when neither is given", () => {
    expect(toCreateVolumeBody(form({ preset: "tmpfs", tmpfs: { size: "64m", mode: "1777" } })).driverOpts).toEqual({
      type: "tmpfs",
      device: "tmpfs",
      o: "size=64m,mode=1777",
    });
    expect(toCreateVolumeBody(form({ preset: "tmpfs" })).driverOpts).toEqual({ type: "tmpfs", device: "tmpfs" });
  });
  it("bind: type none, o=bind, the host path as device — what the server keeps for admins", () => {
    const body = toCreateVolumeBody(form({ preset: "bind", bind: { path: "/srv/data" } }));
    expect(body.driverOpts).toEqual({ type: "none", o: "bind", device: "/srv/data" });
    expect(bindsHostPath(body.driver, body.driverOpts)).toBe(true);
  });
  it("custom: the driver and options as typed; an empty name lets the engine choose", () => {
    const body = toCreateVolumeBody(form({ name: "", preset: "custom", driver: "rclone", options: [{ key: "remote", value: "s3:bucket" }] }));
    expect(body).toEqual({ driver: "rclone", driverOpts: { remote: "s3:bucket" }, labels: {} });
  });
  it("every preset's body passes the server's own schema", () => {
    for (const preset of ["local", "nfs", "cifs", "tmpfs", "bind", "custom"] as const) {
      const v = form({
        preset,
        nfs: { server: "n", path: "/e", version: "4", readOnly: false },
        cifs: { server: "c", share: "s", username: "", password: "", version: "" },
        bind: { path: "/b" },
      });
      expect(createVolumeBody.safeParse(toCreateVolumeBody(v)).success).toBe(true);
    }
  });
});

describe("volumeFormSchema", () => {
  it("asks for the fields the chosen preset needs, and only those", () => {
    expect(problems({ preset: "nfs" }).map(([p]) => p)).toEqual(["nfs.server", "nfs.path"]);
    expect(problems({ preset: "cifs" }).map(([p]) => p)).toEqual(["cifs.server", "cifs.share"]);
    expect(problems({ preset: "bind", bind: { path: "relative" } }).map(([p]) => p)).toEqual(["bind.path"]);
    expect(problems({ preset: "local" })).toEqual([]);
  });
  it("refuses values that would split the driver's option list", () => {
    expect(problems({ preset: "nfs", nfs: { server: "a,b", path: "/x", version: "", readOnly: false } }).map(([p]) => p)).toEqual(["nfs.server"]);
    expect(problems({ preset: "cifs", cifs: { server: "s", share: "x", username: "u", password: "a,b", version: "" } }).map(([p]) => p)).toEqual([
      "cifs.password",
    ]);
    expect(problems({ preset: "tmpfs", tmpfs: { size: "lots", mode: "999" } }).map(([p]) => p)).toEqual(["tmpfs.size", "tmpfs.mode"]);
  });
  it("refuses a bad volume name and repeated label keys", () => {
    expect(problems({ name: "bad name" }).map(([p]) => p)).toEqual(["name"]);
    expect(
      problems({
        labels: [
          { key: "a", value: "1" },
          { key: "a", value: "2" },
        ],
      }),
    ).toEqual([["labels", "Each key may appear only once."]]);
  });
});
