import { describe, expect, it } from "vitest";
import { bindsHostPath, ROLES, roleAllows } from "./roles";

describe("roleAllows", () => {
  it("orders viewer < operator < admin", () => {
    expect(ROLES).toEqual(["viewer", "operator", "admin"]);
    for (const have of ROLES) expect(roleAllows(have, "viewer")).toBe(true);
    expect(roleAllows("viewer", "operator")).toBe(false);
    expect(roleAllows("operator", "operator")).toBe(true);
    expect(roleAllows("admin", "operator")).toBe(true);
    expect(roleAllows("viewer", "admin")).toBe(false);
    expect(roleAllows("operator", "admin")).toBe(false);
    expect(roleAllows("admin", "admin")).toBe(true);
  });
});

describe("bindsHostPath", () => {
  it("is false without driver options, and for plain local volumes", () => {
    expect(bindsHostPath(undefined, undefined)).toBe(false);
    expect(bindsHostPath("local", {})).toBe(false);
  });
  it("catches the local driver's bind mounts in every spelling", () => {
    expect(bindsHostPath("local", { type: "none", o: "bind", device: "/tmp" })).toBe(true);
    expect(bindsHostPath(undefined, { type: "none", o: "bind", device: "/tmp" })).toBe(true);
    expect(bindsHostPath("local", { o: "bind", device: "/srv" })).toBe(true);
    expect(bindsHostPath("local", { o: "ro,rbind", device: "/srv" })).toBe(true);
    expect(bindsHostPath("local", { O: " BIND ", Device: "/srv" })).toBe(true);
    expect(bindsHostPath("local", { type: "none", device: "/srv" })).toBe(true);
    expect(bindsHostPath("local", { TYPE: "None", device: "/srv" })).toBe(true);
    expect(bindsHostPath("local", { type: "bind", device: "/srv" })).toBe(true);
    // A device with no filesystem type is mounted as a bind by the local driver.
    expect(bindsHostPath("local", { device: "/srv" })).toBe(true);
  });
  it("lets real filesystems through: tmpfs, NFS, CIFS, a block device with its type", () => {
    expect(bindsHostPath("local", { type: "tmpfs", device: "tmpfs", o: "size=100m,uid=1000" })).toBe(false);
    expect(bindsHostPath("local", { type: "nfs", o: "addr=10.0.0.1,rw", device: ":/export" })).toBe(false);
    expect(bindsHostPath("local", { type: "cifs", o: "addr=nas,username=u", device: "//nas/share" })).toBe(false);
    expect(bindsHostPath("local", { type: "ext4", device: "/dev/sdb1" })).toBe(false);
  });
  it("leaves other drivers to their own meaning of the options", () => {
    expect(bindsHostPath("rexray", { o: "bind", device: "/srv" })).toBe(false);
  });
});
