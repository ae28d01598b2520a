// Pure: a requested path inside a volume, and symlinks resolved component by component without ever leaving
// the volume. Both data paths share this walk; only how a component is looked at differs (lstat on the
// mountpoint, or the engine's path stat through a helper). Unit-tested.
import { ApiError } from "@/lib/api/error";

/** Symlink hops before giving up, as Linux does (ELOOP). */
export const MAX_LINK_HOPS = 40;
/** Bytes in one name, as Linux allows (NAME_MAX); a longer one cannot exist, and lstat would fail with 500. */
export const MAX_NAME_BYTES = 255;

const outside = (what: string) =>
  new ApiError("invalid_input", `${what} would leave the volume; the file browser stays inside it.`, { reason: "outside_volume" });

/**
 * The components of a requested path, relative to the volume root ("/a/b", "a/b" and "/a//b/." are the same).
 * `..` is refused outright (even where it would stay inside): the request names a place, it does not walk.
 */
export function parseRequestPath(raw: string | null | undefined): string[] {
  const text = raw ?? "/";
  if (text.includes("\0")) throw new ApiError("invalid_input", "A path cannot contain a NUL byte.");
  if (Buffer.byteLength(text) > 4096) throw new ApiError("invalid_input", "The path is longer than 4096 bytes.");
  const parts = text.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.some((p) => p === "..")) throw outside(`The path "${text}"`);
  if (parts.some((p) => Buffer.byteLength(p) > MAX_NAME_BYTES)) {
    throw new ApiError("invalid_input", `A name in the path is longer than ${MAX_NAME_BYTES} bytes; no file has such a name.`);
  }
  return parts;
}

/** "/a/b" for display and answers. */
export const displayPath = (parts: string[]): string => `/${parts.join("/")}`;

export type NodeKind = "dir" | "file" | "symlink" | "other";

/** Where a symlink points, as the data path sees it. */
export type LinkTarget =
  /** As written in the link, relative to the link's own directory. */
  | { kind: "relative"; target: string }
  /** Already an absolute place inside the volume (the engine resolved it). */
  | { kind: "volume"; parts: string[] }
  | { kind: "outside" };

export type Walker = {
  /** What is at `parts` (no symlink followed at the last component); null when nothing is. */
  kind(parts: string[]): Promise<NodeKind | null>;
  link(parts: string[]): Promise<LinkTarget>;
};

/**
 * Resolves `parts` to the real place inside the volume (no symlink among the answer's components). A symlink
 * is followed only while its target stays inside; the last component is followed only with `followLast`.
 * Throws 400 for anything leaving the volume (or a loop), 404 when something does not exist.
 */
export async function resolveInVolume(parts: string[], walker: Walker, followLast: boolean): Promise<{ parts: string[]; kind: NodeKind }> {
  let done: string[] = [];
  let kind: NodeKind = "dir";
  const todo = [...parts];
  let hops = 0;
  const requested = displayPath(parts);
  while (todo.length) {
    const c = todo.shift()!;
    if (c === "" || c === ".") continue;
    if (c === "..") {
      // Only link targets bring `..` here (requests are refused earlier); `done` holds real directories only.
      if (!done.length) throw outside(`A symlink on the path "${requested}"`);
      done = done.slice(0, -1);
      kind = "dir";
      continue;
    }
    const next = [...done, c];
    // Only a link target can bring such a name here; the engine and lstat would fail on it, not say "nothing".
    const found = Buffer.byteLength(c) > MAX_NAME_BYTES ? null : await walker.kind(next);
    if (!found) throw new ApiError("not_found", `There is nothing at "${requested}" in this volume.`);
    if (found === "symlink" && (todo.length || followLast)) {
      if (++hops > MAX_LINK_HOPS) throw new ApiError("invalid_input", `Too many symlinks on the path "${requested}".`);
      const target = await walker.link(next);
      if (target.kind === "outside") throw outside(`The symlink "${displayPath(next)}"`);
      if (target.kind === "volume") {
        done = [];
        todo.unshift(...target.parts);
      } else {
        if (target.target.startsWith("/")) throw outside(`The symlink "${displayPath(next)}"`);
        todo.unshift(...target.target.split("/"));
      }
      kind = "dir";
      continue;
    }
    if (todo.some((t) => t !== "" && t !== ".") && found !== "dir") {
      throw new ApiError("not_found", `"${displayPath(next)}" is not a directory.`);
    }
    done = next;
    kind = found;
  }
  return { parts: done, kind };
}

/**
 * Whether a symlink's target, as written, leaves the volume: absolute, or climbing above the root from the
 * link's directory. Said next to the link in listings; following it is decided by resolveInVolume.
 */
export function linkLeavesVolume(dirParts: string[], target: string): boolean {
  if (target.startsWith("/")) return true;
  let depth = dirParts.length;
  for (const c of target.split("/")) {
    if (c === "" || c === ".") continue;
    if (c === "..") {
      if (--depth < 0) return true;
    } else depth++;
  }
  return false;
}
