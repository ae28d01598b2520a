// The console's data directory on a full disk (issue 17, item 6): every write answers 507 with a sentence that
// names the directory, an upload leaves nothing half-written, and no action is carried out without its audit
// line (a volume create is refused before the engine is asked). Once space is freed, everything works again.
// The data directory is a 2 MiB tmpfs mounted here (the tests run as root), filled by a file until ENOSPC.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/auth/audit";
import { volumeExists } from "../helpers/docker";
import { startConsole, type SecondConsole } from "../helpers/console";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("full"));
const root = fs.mkdtempSync(path.join(os.tmpdir(), "vd-disk-full-"));
const dataDir = path.join(root, "data");
const filler = path.join(dataDir, "filler");
const token = `vdt-full-${randomBytes(6).toString("hex")}`;
const password = `pw-${randomBytes(9).toString("hex")}`;
const FULL = `The console's data directory (${dataDir}) is full`;
let consoleUp: SecondConsole;
let tar: Buffer;
let viewerSecret = "";

beforeAll(async () => {
  fs.mkdirSync(dataDir);
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", dataDir]);
  const tree = path.join(root, "tree");
  fs.mkdirSync(tree);
  fs.writeFileSync(path.join(tree, "file"), randomBytes(600_000));
  tar = execFileSync("tar", ["-cf", "-", "-C", tree, "."]);
  consoleUp = await startConsole(dataDir, { VOLDECK_API_TOKEN: token, VOLDECK_ADMIN_PASSWORD: password });
  // The database exists (and the admin with it) before the disk fills, as on a console that has been running.
  expect((await signIn()).status).toBe(200);
  const made = await call("POST", "/api/tokens", { name: "reader", role: "viewer" });
  expect(made.status, made.text).toBe(201);
  viewerSecret = made.body.secret;
  // Listed once, as on a console in use: the first list on an engine starts following its usage (a write).
  expect((await call("GET", "/api/engines/local/volumes")).status).toBe(200);
});

afterAll(async () => {
  await consoleUp?.stop();
  await s.cleanup();
  try {
    execFileSync("umount", [dataDir]);
  } catch {
    execFileSync("umount", ["-l", dataDir]);
  }
  fs.rmSync(root, { recursive: true, force: true });
});

async function call(method: string, route: string, body?: unknown, headers: Record<string, string> = {}, bearer = token) {
  const raw = Buffer.isBuffer(body);
  const res = await fetch(`${consoleUp.url}${route}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body && !raw ? { "Content-Type": "application/json" } : {}), ...headers },
    body: raw ? new Uint8Array(body) : body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : null };
}

function signIn() {
  return fetch(`${consoleUp.url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "admin", password }),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

/** Writes the filler until the disk takes no more, in ever smaller pieces, so not one page is left. */
function fillDisk(): void {
  const fd = fs.openSync(filler, "a");
  try {
    for (const size of [1 << 16, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

const backupFiles = () => (fs.existsSync(path.join(dataDir, "backups")) ? fs.readdirSync(path.join(dataDir, "backups")) : []);

function expectFull(answer: { status: number; body: { error?: { code: string; message: string } } }): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(507);
  expect(answer.body.error?.code).toBe("insufficient_storage");
  expect(answer.body.error?.message).toContain(FULL);
}

describe("the data directory's disk is full", () => {
  const volume = s.volume(s.name("vol"));

  it("sign-in answers 507 with a sentence that names the full directory", async () => {
    fillDisk();
    expectFull(await signIn());
  });

  it("reads keep working on a console in use, also with a token made in it (whose last use cannot be recorded now)", async () => {
    for (const route of ["/api/engines/local/volumes", "/api/jobs", "/api/backups"]) {
      const answer = await call("GET", route, undefined, {}, viewerSecret);
      expect(answer.status, `${route}: ${answer.text}`).toBe(200);
    }
  });

  it("an upload answers 507 and leaves no file behind", async () => {
    const before = backupFiles();
    expectFull(await call("POST", `/api/backups?volume=${s.name("up")}`, tar, { "Content-Type": "application/x-tar" }));
    expect(backupFiles()).toEqual(before);
  });

  it("a volume create is refused before the engine is asked: the volume does not exist", async () => {
    expectFull(await call("POST", "/api/engines/local/volumes", { name: volume }));
    expect(await volumeExists(volume)).toBe(false);
  });

  it("an upload that fills the disk while it is written (ENOSPC) answers 507 and keeps nothing", async () => {
    // Room for the audit line, not for the archive.
    fs.truncateSync(filler, fs.statSync(filler).size - 256 * 1024);
    const before = backupFiles();
    const answer = await call("POST", `/api/backups?volume=${s.name("half")}`, tar, { "Content-Type": "application/x-tar" });
    expectFull(answer);
    expect(backupFiles()).toEqual(before);
    const backups = (await call("GET", "/api/backups")).body.backups as { volume: string }[];
    expect(backups.filter((b) => b.volume.startsWith(s.prefix))).toEqual([]);
  });

  it("works again once space is freed, and no action above succeeded unaudited", async () => {
    fs.rmSync(filler);
    expect((await signIn()).status).toBe(200);
    const created = await call("POST", "/api/engines/local/volumes", { name: volume });
    expect(created.status, created.text).toBe(201);
    expect(await volumeExists(volume)).toBe(true);
    const uploaded = await call("POST", `/api/backups?volume=${s.name("up")}`, tar, { "Content-Type": "application/x-tar" });
    expect(uploaded.status, uploaded.text).toBe(201);

    const lines = (await call("GET", "/api/audit?limit=1000")).body.entries as AuditEntry[];
    const creates = lines.filter((l) => l.action === "volume.create" && l.target === volume);
    expect(creates).toHaveLength(1);
    expect(creates[0]).toMatchObject({ ok: true, status: 201, state: "done" });
    // Every successful line is a finished one; the upload that hit ENOSPC is recorded as the failure it was.
    expect(lines.filter((l) => l.ok && l.state !== "done")).toEqual([]);
    expect(lines.find((l) => l.action === "backup.upload" && l.status === 507)).toMatchObject({ ok: false, state: "done" });
  });
});
