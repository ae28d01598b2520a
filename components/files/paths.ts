// Pure: the browser's paths (a path is "/a/b", relative to the volume root); its links are in lib/routes. Unit-tested.

export const splitPath = (path: string): string[] => path.split("/").filter((p) => p && p !== ".");

export const joinPath = (dir: string, name: string): string => `/${[...splitPath(dir), name].join("/")}`;

/** The breadcrumbs: the root, then every directory down to `path`. */
export function crumbs(path: string): { name: string; path: string }[] {
  const parts = splitPath(path);
  return [{ name: "/", path: "/" }, ...parts.map((name, i) => ({ name, path: `/${parts.slice(0, i + 1).join("/")}` }))];
}

/** "rwsr-xr-x" for "4755": what `ls -l` shows, for the mode's tooltip and screen readers. */
export function symbolicMode(mode: string): string {
  const n = parseInt(mode, 8);
  if (Number.isNaN(n)) return mode;
  const bit = (b: number, c: string) => (n & b ? c : "-");
  const special = (x: number, s: number, lower: string, upper: string) => (n & s ? (n & x ? lower : upper) : n & x ? "x" : "-");
  return [
    bit(0o400, "r"),
    bit(0o200, "w"),
    special(0o100, 0o4000, "s", "S"),
    bit(0o40, "r"),
    bit(0o20, "w"),
    special(0o10, 0o2000, "s", "S"),
    bit(0o4, "r"),
    bit(0o2, "w"),
    special(0o1, 0o1000, "t", "T"),
  ].join("");
}
