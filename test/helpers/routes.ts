// The API routes: from the source (app/api/**/route.ts and the methods each exports) and from the build
// the console runs (its app-paths manifest), so tests cover routes added later without being edited.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export type Route = { pattern: string; methods: string[] };

export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1].split(","))
      found.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? "",
      );
  }
  return METHODS.filter((m) => found.has(m));
}

/** Every route.ts under app/api, as "/api/engines/[engine]/volumes" with its methods; route groups dropped. */
export function sourceRoutes(dir = path.join(ROOT, "app/api")): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) routes.push(...sourceRoutes(full));
    else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
      const segments = path
        .relative(path.join(ROOT, "app"), dir)
        .split(path.sep)
        .filter((s) => !/^\(.*\)$/.test(s));
      routes.push({ pattern: `/${segments.join("/")}`, methods: exportedMethods(readFileSync(full, "utf8")) });
    }
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** API route patterns of the build in VOLDECK_DIST_DIR (default .next); null when it has no manifest. */
export function builtRoutes(): Set<string> | null {
  const manifest = path.join(ROOT, process.env.VOLDECK_DIST_DIR || ".next", "server/app-paths-manifest.json");
  if (!existsSync(manifest)) return null;
  const keys = Object.keys(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>);
  return new Set(keys.filter((k) => k.startsWith("/api/") && k.endsWith("/route")).map((k) => k.slice(0, -"/route".length)));
}

/** Whether the running build serves this route (by the source when the manifest is missing). */
export function isServed(pattern: string): boolean {
  const built = builtRoutes();
  return built ? built.has(pattern) : sourceRoutes().some((r) => r.pattern === pattern);
}
