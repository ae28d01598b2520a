// Proof that the gate in `npm test` bites: small files breaking each rule are written into the real tree (the
// rules are about real folders: lib/docker, components, lib/api), checked with the project's own eslint.config.mjs
// and knip.jsonc, and removed again whatever happens.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tag = `__lint_fixture_${randomBytes(4).toString("hex")}`;
const created = [];

/** Writes a fixture file; `top` is what cleaning up removes (the fixture's own folder, or the file itself). */
function fixture(top, rel, text) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  created.push(path.join(root, top));
  return file;
}

afterEach(() => {
  for (const p of created.splice(0)) rmSync(p, { recursive: true, force: true });
});

/** The errors ESLint reports per fixture file, as "rule@line". */
async function lintErrors(files) {
  const results = await new ESLint({ cwd: root }).lintFiles(files);
  return Object.fromEntries(
    results.map((r) => [path.relative(root, r.filePath), r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}@${m.line}`)]),
  );
}

// Real server-only modules the fixtures reach for: if one moves, say so rather than pass for an unresolved import.
const SERVER_MODULES = ["lib/docker/volumes.ts", "lib/backup/catalog.ts", "lib/auth/users.ts"];

describe("the lint gate", () => {
  it("refuses a runtime import cycle (dpdm), and only that one: a cycle of type-only imports is erased at build time", () => {
    const lib = `lib/${tag}`;
    const ping = fixture(lib, `${lib}/ping.ts`, 'import { pong } from "./pong";\nexport const ping = (n: number): number => (n > 0 ? pong(n - 1) : 0);\n');
    const pong = fixture(lib, `${lib}/pong.ts`, 'import { ping } from "./ping";\nexport const pong = (n: number): number => ping(n);\n');
    fixture(lib, `${lib}/type-a.ts`, 'import type { B } from "./type-b";\nexport type A = { b?: B };\n');
    fixture(lib, `${lib}/type-b.ts`, 'import type { A } from "./type-a";\nexport type B = { a?: A };\n');

    const cycles = spawnSync("npm", ["run", "-s", "cycles"], { cwd: root, encoding: "utf8", timeout: 170_000 });

    expect(cycles.status, cycles.stderr).toBe(1);
    const found = cycles.stdout
      .split("\n")
      .filter((l) => /^\s*\d+\) /.test(l))
      .map((l) => l.trim());
    // One cycle, through both files (dpdm may start it at either).
    expect(found).toHaveLength(1);
    expect(found[0].replace(/^1\) /, "").split(" -> ").sort()).toEqual([path.relative(root, ping), path.relative(root, pong)].sort());
  }, 180_000);

  it("refuses a server import or next/link in components/, lib/docker reaching into lib/backup, and server code or Node builtins in lib/api (ESLint)", async () => {
    for (const m of SERVER_MODULES) expect(existsSync(path.join(root, m)), `${m} moved: point the fixtures at its new place`).toBe(true);
    const lib = `lib/${tag}`;
    const files = {
      ping: fixture(lib, `${lib}/ping.ts`, 'import { pong } from "./pong";\nexport const ping = (n: number): number => (n > 0 ? pong(n - 1) : 0);\n'),
      pong: fixture(lib, `${lib}/pong.ts`, 'import { ping } from "./ping";\nexport const pong = (n: number): number => ping(n);\n'),
      // Types only: erased at build time, so no cycle at run time and nothing to refuse.
      typeA: fixture(lib, `${lib}/type-a.ts`, 'import type { B } from "./type-b";\nexport type A = { b?: B };\n'),
      typeB: fixture(lib, `${lib}/type-b.ts`, 'import type { A } from "./type-a";\nexport type B = { a?: A };\n'),
      badComponent: fixture(
        `components/${tag}`,
        `components/${tag}/Bad.tsx`,
        'import * as volumes from "@/lib/docker/volumes";\nexport const Bad = () => <p>{Object.keys(volumes).length}</p>;\n',
      ),
      goodComponent: fixture(
        `components/${tag}`,
        `components/${tag}/Good.tsx`,
        'import type { Volume } from "@/lib/api/types";\nimport { formatBytes } from "@/lib/format";\nexport const Good = ({ v }: { v: Volume }) => <p>{formatBytes(v.sizeBytes ?? 0)}</p>;\n',
      ),
      // Next's <Link> prefetches in view; the console's links go through IntentLink.
      viewportLink: fixture(
        `components/${tag}`,
        `components/${tag}/Nav.tsx`,
        'import Link from "next/link";\nexport const Nav = () => <Link href="/backups">Backups</Link>;\n',
      ),
      dockerUp: fixture(
        `lib/docker/${tag}`,
        `lib/docker/${tag}/up.ts`,
        'import * as catalog from "@/lib/backup/catalog";\nexport const up = Object.keys(catalog);\n',
      ),
      api: fixture(
        `lib/api/${tag}.ts`,
        `lib/api/${tag}.ts`,
        [
          'import { readFile } from "node:fs/promises";',
          'import * as volumes from "@/lib/docker/volumes";',
          'import type { User } from "@/lib/auth/users";', // a type only: allowed
          'import { formatBytes } from "@/lib/format";', // client-safe: allowed
          "export const api = (u: User) => [readFile, volumes, formatBytes, u];",
          "",
        ].join("\n"),
      ),
    };
    const rel = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.relative(root, f)]));

    const errors = await lintErrors(Object.values(files));

    expect(errors).toEqual({
      [rel.ping]: [],
      [rel.pong]: [],
      [rel.typeA]: [],
      [rel.typeB]: [],
      [rel.badComponent]: ["import/no-restricted-paths@1"],
      [rel.goodComponent]: [],
      [rel.viewportLink]: ["no-restricted-imports@1"],
      [rel.dockerUp]: ["import/no-restricted-paths@1"],
      [rel.api]: ["import/no-nodejs-modules@1", "voldeck/no-restricted-runtime-paths@2"],
    });
  }, 180_000);

  it("refuses an export nobody imports (knip), and only that one", () => {
    const lib = `lib/${tag}`;
    const mod = fixture(lib, `${lib}/knip-probe.ts`, "export const used = 1;\nexport const unusedByAnyone = 2;\n");
    // scripts/*.mjs are entry points (knip.jsonc), so this file makes the module reachable.
    fixture(`scripts/${tag}.mjs`, `scripts/${tag}.mjs`, `import { used } from "../${lib}/knip-probe.ts";\nconsole.log(used);\n`);

    const knip = spawnSync("npx", ["knip", "--reporter", "json"], { cwd: root, encoding: "utf8", timeout: 170_000 });

    expect(knip.status, knip.stderr).toBe(1);
    const { issues } = JSON.parse(knip.stdout);
    const probe = issues.find((i) => i.file === path.relative(root, mod));
    expect(probe?.exports.map((e) => e.name)).toEqual(["unusedByAnyone"]);
  }, 180_000);
});
