import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { recipeKind, shQuote, suggestRecipe } from "./recipes";

describe("recipeKind", () => {
  it.each([
    ["postgres:16-alpine", "postgresql"],
    ["docker.io/library/postgres@sha256:abc", "postgresql"],
    ["postgis/postgis:15", "postgresql"],
    ["mariadb:11", "mysql"],
    ["mysql", "mysql"],
    ["registry.example:5000/team/mongo:7", "mongodb"],
    ["redis:7", "redis"],
    ["valkey/valkey", "redis"],
    ["keinos/sqlite3", "sqlite"],
  ])("%s → %s", (image, kind) => expect(recipeKind(image)).toBe(kind));

  it("suggests nothing for other images, even when a path mentions a database", () => {
    expect(recipeKind("nginx:1.27")).toBeNull();
    expect(recipeKind("postgres-exporter.example/nginx")).toBeNull();
    expect(suggestRecipe({ name: "web", image: "nginx", destination: "/data" })).toBeNull();
  });
});

describe("suggestRecipe", () => {
  it("dumps PostgreSQL into the volume's mount and removes the dump after", () => {
    const r = suggestRecipe({ name: "db", image: "postgres:16", destination: "/var/lib/postgresql/data" })!;
    expect(r.kind).toBe("postgresql");
    expect(r.hooks.container).toBe("db");
    expect(r.hooks.pre![0].slice(0, 2)).toEqual(["/bin/sh", "-c"]);
    expect(r.hooks.pre![0][2]).toContain("pg_dumpall");
    expect(r.hooks.pre![0][2]).toContain("'/var/lib/postgresql/data/.voldeck-dump.sql'");
    expect(r.hooks.post![0][2]).toBe("rm -f '/var/lib/postgresql/data/.voldeck-dump.sql'");
  });

  it("has no post-hook for Redis (SAVE leaves its own dump.rdb)", () => {
    expect(suggestRecipe({ name: "cache", image: "redis:7", destination: "/data" })!.hooks.post).toBeUndefined();
  });

  it("quotes a mount path the shell would otherwise split or expand", () => {
    const r = suggestRecipe({ name: "db", image: "mariadb", destination: "/it's $HOME" })!;
    expect(r.hooks.post![0][2]).toBe(`rm -f '/it'\\''s $HOME/.voldeck-dump.sql'`);
    // The real shell reads it back as one word.
    expect(execFileSync("sh", ["-c", `printf %s ${shQuote("/it's $HOME")}`], { encoding: "utf8" })).toBe("/it's $HOME");
  });
});
