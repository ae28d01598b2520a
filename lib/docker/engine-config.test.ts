import Modem from "docker-modem";
import { afterEach, describe, expect, it } from "vitest";
import { engineKind, enginesFromEnv, modemOptions, normaliseEngineUrl } from "./engine-config";

// What docker-modem decided to dial (its typings do not declare these fields).
type Dialled = { socketPath?: string; host?: string; port?: string; protocol?: string };
const modemFor = (url: string) => new Modem(modemOptions(url)) as unknown as Dialled;

describe("normaliseEngineUrl", () => {
  it("accepts the forms DOCKER_HOST takes", () => {
    expect(normaliseEngineUrl("unix:///var/run/docker.sock")).toBe("unix:///var/run/docker.sock");
    expect(normaliseEngineUrl("  /tmp/x/docker.sock ")).toBe("unix:///tmp/x/docker.sock");
    expect(normaliseEngineUrl("tcp://10.0.0.5:2375")).toBe("tcp://10.0.0.5:2375");
    expect(normaliseEngineUrl("10.0.0.5:2376")).toBe("tcp://10.0.0.5:2376");
    expect(normaliseEngineUrl("ssh://deploy@box.example:2222")).toBe("ssh://deploy@box.example:2222");
    expect(normaliseEngineUrl("https://engine.example:2376")).toBe("https://engine.example:2376");
  });
  it("keeps a socket path verbatim (spaces, relative paths), as docker does", () => {
    expect(normaliseEngineUrl("unix:///tmp/my engine/docker.sock")).toBe("unix:///tmp/my engine/docker.sock");
    expect(normaliseEngineUrl("unix://run/docker.sock")).toBe("unix://run/docker.sock");
    expect(normaliseEngineUrl("UNIX:///tmp/d.sock")).toBe("unix:///tmp/d.sock");
    expect(modemOptions(normaliseEngineUrl("unix:///tmp/my engine/docker.sock")).socketPath).toBe("/tmp/my engine/docker.sock");
  });
  it("refuses addresses it cannot dial", () => {
    expect(() => normaliseEngineUrl("unix://")).toThrow(/no socket path/);
    expect(() => normaliseEngineUrl("unix:///")).toThrow(/no socket path/);
    expect(() => normaliseEngineUrl("ftp://host:21")).toThrow(/unsupported scheme/);
    expect(() => normaliseEngineUrl("tcp://")).toThrow(/no host/);
    expect(() => normaliseEngineUrl("tcp://[::1")).toThrow(/not an engine address/);
  });
  it("refuses a password in the address, so it can never be shown", () => {
    expect(() => normaliseEngineUrl("tcp://admin:secret@host:2375")).toThrow(/password/);
    expect(() => normaliseEngineUrl("ssh://user:pw@host")).toThrow(/password/);
  });
  it("never repeats the password in its refusal", () => {
    for (const raw of ["tcp://admin:s3cr3t@host:2375", "admin:s3cr3t@host:2375", "ssh://user:s3cr3t@host", "tcp://admin:s3cr3t@[::1"]) {
      expect(() => normaliseEngineUrl(raw)).toThrow();
      try {
        normaliseEngineUrl(raw);
      } catch (e) {
        expect((e as Error).message).not.toContain("s3cr3t");
      }
    }
  });
});

describe("enginesFromEnv", () => {
  it("has only `local`, on the default socket, without DOCKER_HOST", () => {
    expect(enginesFromEnv({})).toEqual([{ id: "local", name: "local", url: "unix:///var/run/docker.sock", source: "env" }]);
  });
  it("takes `local` from DOCKER_HOST and more engines from VOLDECK_ENGINES", () => {
    const engines = enginesFromEnv({
      DOCKER_HOST: "/run/user/1000/docker.sock",
      VOLDECK_ENGINES: " spare=unix:///tmp/spare/docker.sock, ,build-2=tcp://10.1.1.1:2375,",
    });
    expect(engines.map((e) => [e.id, e.url])).toEqual([
      ["local", "unix:///run/user/1000/docker.sock"],
      ["spare", "unix:///tmp/spare/docker.sock"],
      ["build-2", "tcp://10.1.1.1:2375"],
    ]);
    expect(engines.every((e) => e.name === e.id && e.source === "env")).toBe(true);
  });
  it.each([
    ["no '='", "spare"],
    ["an empty id", "=unix:///tmp/a.sock"],
    ["an upper-case id", "Spare=unix:///tmp/a.sock"],
    ["an id starting with '-'", "-x=unix:///tmp/a.sock"],
    ["a duplicate id", "a=unix:///tmp/a.sock,a=unix:///tmp/b.sock"],
    ["the id `local` again", "local=unix:///tmp/a.sock"],
    ["an unusable address", "a=ftp://host"],
    ["a password in the address", "a=tcp://u:p@host:2375"],
  ])("refuses VOLDECK_ENGINES with %s", (_why, value) => {
    expect(() => enginesFromEnv({ VOLDECK_ENGINES: value })).toThrow();
  });
  it("refuses an unusable DOCKER_HOST", () => {
    expect(() => enginesFromEnv({ DOCKER_HOST: "unix://" })).toThrow();
  });
});

describe("modemOptions", () => {
  it("answers socket options for unix addresses and host/port otherwise", () => {
    expect(modemOptions("unix:///tmp/e.sock")).toMatchObject({ socketPath: "/tmp/e.sock", protocol: "http", host: undefined });
    expect(modemOptions("tcp://10.0.0.5")).toMatchObject({ protocol: "http", host: "10.0.0.5", port: "2375", socketPath: undefined });
    expect(modemOptions("tcp://10.0.0.5:2376")).toMatchObject({ protocol: "https", port: "2376" });
    expect(modemOptions("https://engine.example")).toMatchObject({ protocol: "https", host: "engine.example", port: "2376" });
    expect(modemOptions("ssh://deploy@box.example")).toMatchObject({ protocol: "ssh", host: "box.example", port: "22", username: "deploy" });
  });
  it("passes TLS material as https with buffers, and an SSH key as ssh2 options", () => {
    const tls = { ca: "CA", cert: "CERT", key: "KEY" };
    const o = modemOptions("tcp://127.0.0.1:2375", { tls });
    expect(o).toMatchObject({ protocol: "https", host: "127.0.0.1", port: "2375" });
    expect([o.ca, o.cert, o.key].map(String)).toEqual(["CA", "CERT", "KEY"]);
    expect(modemOptions("tcp://127.0.0.1", { tls }).port).toBe("2376");
    expect(modemOptions("ssh://root@[::1]:2222", { ssh: { privateKey: "PK", passphrase: "pp" } })).toMatchObject({
      protocol: "ssh",
      host: "::1",
      port: "2222",
      username: "root",
      sshOptions: { privateKey: "PK", passphrase: "pp" },
    });
  });
  it("names the kind of connection", () => {
    expect(["unix:///s", "tcp://h:1", "https://h", "ssh://u@h"].map(engineKind)).toEqual(["unix", "tcp", "tcp", "ssh"]);
  });
  it("names every key DOCKER_HOST could set, so none of them leaks in", () => {
    for (const url of ["unix:///tmp/e.sock", "tcp://h:2375", "ssh://u@h"]) {
      expect(Object.keys(modemOptions(url))).toEqual(expect.arrayContaining(["host", "port", "socketPath", "ca", "cert", "key"]));
    }
  });

  describe("with docker-modem and a DOCKER_HOST naming another engine", () => {
    const saved = process.env.DOCKER_HOST;
    afterEach(() => {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    });
    it("dials the configured socket, not DOCKER_HOST's tcp address", () => {
      process.env.DOCKER_HOST = "tcp://elsewhere.example:2376";
      const modem = modemFor("unix:///tmp/spare.sock");
      expect(modem.socketPath).toBe("/tmp/spare.sock");
      expect(modem.host).toBeUndefined();
      expect(modem.protocol).toBe("http");
    });
    it("dials the configured host, not DOCKER_HOST's socket", () => {
      process.env.DOCKER_HOST = "unix:///tmp/other.sock";
      const modem = modemFor("tcp://10.0.0.9:2375");
      expect(modem.host).toBe("10.0.0.9");
      expect(modem.port).toBe("2375");
      expect(modem.socketPath).toBeUndefined();
    });
  });
});
