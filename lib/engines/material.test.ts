import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makePki } from "@/test/helpers/tls";
import { checkSsh, checkTls } from "./material";

const pki = makePki();
const other = makePki("other");
afterAll(() => {
  pki.remove();
  other.remove();
});

describe("checkTls", () => {
  const good = { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey };
  it("accepts a CA, a client certificate and its key", () => {
    expect(checkTls(good)).toEqual({ ca: pki.ca.trim() + "\n", cert: pki.clientCert.trim() + "\n", key: pki.clientKey.trim() + "\n" });
  });
  it("says which part is wrong", () => {
    expect(() => checkTls({ ...good, ca: "hello" })).toThrow(/CA certificate is not a PEM certificate/);
    expect(() => checkTls({ ...good, cert: pki.clientKey })).toThrow(/client certificate is not a PEM certificate/);
    expect(() => checkTls({ ...good, key: pki.clientCert })).toThrow(/client key is not a PEM private key/);
    expect(() => checkTls({ ...good, ca: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" })).toThrow(/not a valid certificate/);
    expect(() => checkTls({ ...good, key: other.clientKey })).toThrow(/does not belong to the client certificate/);
    expect(() => checkTls({ ...good, key: "-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n-----END ENCRYPTED PRIVATE KEY-----" })).toThrow(/encrypted/);
  });
  it("never puts the material in its messages", () => {
    try {
      checkTls({ ...good, key: other.clientKey });
    } catch (e) {
      expect((e as Error).message).not.toContain("BEGIN");
    }
  });
});

describe("checkSsh", () => {
  // Keys as users paste them, made by OpenSSH's ssh-keygen. (ssh2's own generator writes an ed25519 key its parser
  // then refuses about once in 170 tries: measured 17 of 3,000; ssh-keygen's, 0 of 300.)
  const dir = mkdtempSync(path.join(os.tmpdir(), "vd-keys-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const keygen = (name: string, passphrase: string) => {
    const file = path.join(dir, name);
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-a", "4", "-N", passphrase, "-C", name, "-f", file], { stdio: "ignore" });
    return readFileSync(file, "utf8");
  };
  const plain = keygen("plain", "");
  const locked = keygen("locked", "open sesame");
  it("accepts an OpenSSH key, and an encrypted one with its passphrase", () => {
    expect(checkSsh({ privateKey: plain }).privateKey).toContain("OPENSSH PRIVATE KEY");
    expect(checkSsh({ privateKey: locked, passphrase: "open sesame" }).passphrase).toBe("open sesame");
  });
  it("says what is wrong", () => {
    expect(() => checkSsh({ privateKey: "ssh-ed25519 AAAA… me@host" })).toThrow(/not a private key file/);
    expect(() => checkSsh({ privateKey: locked })).toThrow(/encrypted: give its passphrase/);
    expect(() => checkSsh({ privateKey: locked, passphrase: "wrong" })).toThrow(/passphrase does not open/);
    expect(() => checkSsh({ privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nxx\n-----END OPENSSH PRIVATE KEY-----" })).toThrow(/cannot be read/);
  });
});
