// Pure: built-in hook recipes, suggested by a container's image name (shown to the user before use, never run on
// their own). Each dumps the database into the volume before the copy — so the backup holds a consistent dump
// beside the live files — and removes the dump after. Unit-tested.
import type { HooksSpec } from "@/lib/api/hook-schemas";

export type RecipeContainer = { name: string; image: string; /** Where the volume is mounted in it. */ destination: string };
export type RecipeKind = "postgresql" | "mysql" | "mongodb" | "redis" | "sqlite";
export type Recipe = { container: string; image: string; kind: RecipeKind; title: string; description: string; hooks: HooksSpec };

/** A single-quoted shell word: safe for any path. */
export const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const DUMP = ".voldeck-dump";

// Image name without registry, tag or digest: "docker.io/library/postgres:16-alpine" → "postgres".
function imageName(image: string): string {
  const noDigest = image.split("@")[0];
  const last = noDigest.split("/").pop() ?? "";
  return last.split(":")[0].toLowerCase();
}

const KINDS: [RegExp, RecipeKind][] = [
  [/^(postgres|postgis|timescaledb|pgvector|supabase-postgres)/, "postgresql"],
  [/^(mysql|mariadb|percona)/, "mysql"],
  [/^(mongo|mongodb)/, "mongodb"],
  [/^(redis|valkey|keydb)/, "redis"],
  [/sqlite/, "sqlite"],
];

export function recipeKind(image: string): RecipeKind | null {
  const name = imageName(image);
  return KINDS.find(([re]) => re.test(name))?.[1] ?? null;
}

function steps(kind: RecipeKind, dir: string): { pre: string; post: string | null; title: string; description: string } {
  const file = (ext: string) => shQuote(`${dir.replace(/\/$/, "")}/${DUMP}${ext}`);
  switch (kind) {
    case "postgresql":
      return {
        pre: `pg_dumpall -U "\${POSTGRES_USER:-postgres}" > ${file(".sql")}`,
        post: `rm -f ${file(".sql")}`,
        title: "PostgreSQL: pg_dumpall into the volume",
        description: "Dumps every database as SQL next to the data files; the dump is what restores consistently.",
      };
    case "mysql":
      return {
        pre: `d=$(command -v mariadb-dump || command -v mysqldump) && "$d" --all-databases --single-transaction -uroot -p"\${MARIADB_ROOT_PASSWORD:-$MYSQL_ROOT_PASSWORD}" > ${file(".sql")}`,
        post: `rm -f ${file(".sql")}`,
        title: "MySQL/MariaDB: a single-transaction dump into the volume",
        description: "Dumps every database as SQL with --single-transaction (InnoDB tables stay consistent, no lock).",
      };
    case "mongodb":
      return {
        pre: `mongodump --archive=${file(".archive")} \${MONGO_INITDB_ROOT_USERNAME:+-u "$MONGO_INITDB_ROOT_USERNAME" -p "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin}`,
        post: `rm -f ${file(".archive")}`,
        title: "MongoDB: mongodump into the volume",
        description: "Writes a mongodump archive of every database next to the data files.",
      };
    case "redis":
      return {
        pre: `redis-cli \${REDIS_PASSWORD:+-a "$REDIS_PASSWORD"} SAVE`,
        post: null,
        title: "Redis: SAVE before the copy",
        description: "Writes a fresh dump.rdb into Redis's data directory (the volume when it is mounted at /data); nothing to remove.",
      };
    case "sqlite":
      return {
        pre: `find ${shQuote(dir)} -maxdepth 3 -type f \\( -name '*.db' -o -name '*.sqlite' -o -name '*.sqlite3' \\) -exec sh -c 'sqlite3 "$1" ".backup \\"$1${DUMP}\\""' _ {} \\;`,
        post: `find ${shQuote(dir)} -maxdepth 3 -type f -name '*${DUMP}' -delete`,
        title: "SQLite: an online .backup of each database file",
        description: "Copies each *.db/*.sqlite file with SQLite's own backup API (needs the sqlite3 program in the container).",
      };
  }
}

/** The recipe for a container, or null when its image looks like none of the known databases. */
export function suggestRecipe(c: RecipeContainer): Recipe | null {
  const kind = recipeKind(c.image);
  if (!kind) return null;
  const s = steps(kind, c.destination);
  return {
    container: c.name,
    image: c.image,
    kind,
    title: s.title,
    description: s.description,
    hooks: { container: c.name, pre: [["/bin/sh", "-c", s.pre]], ...(s.post ? { post: [["/bin/sh", "-c", s.post]] } : {}), timeoutSeconds: 600 },
  };
}
