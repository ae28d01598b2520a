import "server-only";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import type { EngineMaterial } from "@/lib/docker/engine-config";
import { dataDir } from "@/lib/store/db";

// A console engine's key material lives in files, one directory per engine (0700), each file 0600, written
// atomically (temporary file, fsync, rename), so a crash never leaves half a key. The database never holds it.

const FILES = {
  ca: "ca.pem",
  cert: "cert.pem",
  key: "key.pem",
  privateKey: "ssh_key",
  passphrase: "ssh_passphrase",
} as const;

export function engineKeyDir(id: string): string {
  return path.join(dataDir(), "engines", id);
}

export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fd = openSync(tmp, "w", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export function syncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces the engine's files with exactly this material (a part left out is removed). */
export function writeMaterial(id: string, material: EngineMaterial): void {
  const dir = engineKeyDir(id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const wanted: [keyof typeof FILES, string | undefined][] = [
    ["ca", material.tls?.ca],
    ["cert", material.tls?.cert],
    ["key", material.tls?.key],
    ["privateKey", material.ssh?.privateKey],
    ["passphrase", material.ssh?.passphrase],
  ];
  for (const [part, text] of wanted) {
    const file = path.join(dir, FILES[part]);
    if (text !== undefined) writeAtomic(file, text);
    else if (existsSync(file)) unlinkSync(file);
  }
  syncDir(dir);
}

export function readMaterial(id: string): EngineMaterial {
  const dir = engineKeyDir(id);
  const read = (part: keyof typeof FILES) => {
    try {
      return readFileSync(path.join(dir, FILES[part]), "utf8");
    } catch {
      return undefined;
    }
  };
  const [ca, cert, key, privateKey, passphrase] = [read("ca"), read("cert"), read("key"), read("privateKey"), read("passphrase")];
  return {
    // Any TLS part stored means TLS: a part gone missing (removed by hand, a crash between files) makes the
    // handshake fail, instead of the engine being dialled in plain text without a word.
    ...(ca !== undefined || cert !== undefined || key !== undefined ? { tls: { ca: ca ?? "", cert: cert ?? "", key: key ?? "" } } : {}),
    ...(privateKey ? { ssh: { privateKey, ...(passphrase ? { passphrase } : {}) } } : {}),
  };
}

// The SSH host key's fingerprint, recorded at the first connection (trust on first use, as ssh does with
// known_hosts); not secret, but kept beside the keys so it goes when they go.
const HOST_KEY_FILE = "ssh_host_key";

export function readHostKey(id: string): string | null {
  try {
    return readFileSync(path.join(engineKeyDir(id), HOST_KEY_FILE), "utf8").trim() || null;
  } catch {
    return null;
  }
}

export function writeHostKey(id: string, fingerprint: string): void {
  const dir = engineKeyDir(id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeAtomic(path.join(dir, HOST_KEY_FILE), `${fingerprint}\n`);
}

export function forgetHostKey(id: string): void {
  rmSync(path.join(engineKeyDir(id), HOST_KEY_FILE), { force: true });
}

export function removeMaterial(id: string): void {
  rmSync(engineKeyDir(id), { recursive: true, force: true });
}
