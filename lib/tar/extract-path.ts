// Pure: where an archive entry lands inside the extraction root, as path components (bytes: names need not
// be UTF-8). `.` and empty components are dropped (`./a//b/` → a, b; `./` → the root itself). An absolute
// path, a `..` anywhere, or a NUL byte gives null: such an entry is refused, never "cleaned up" into some other
// place (GNU tar strips a leading `/`, but an archive that needs that is not one Voldeck wrote). Unit-tested.

const SLASH = 0x2f;

export function entryParts(name: Buffer): Buffer[] | null {
  if (name.length && name[0] === SLASH) return null;
  if (name.includes(0)) return null;
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= name.length; i++) {
    if (i < name.length && name[i] !== SLASH) continue;
    const part = name.subarray(start, i);
    start = i + 1;
    if (part.length === 0 || (part.length === 1 && part[0] === 0x2e)) continue;
    if (part.length === 2 && part[0] === 0x2e && part[1] === 0x2e) return null;
    parts.push(part);
  }
  return parts;
}

/** The components as one key (latin1 keeps every byte), for maps of what was extracted. */
export const partsKey = (parts: Buffer[]): string => parts.map((p) => p.toString("latin1")).join("/");
