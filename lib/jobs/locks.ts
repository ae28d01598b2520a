// Pure: which jobs may run side by side. Unit-tested.

/** `read:<key>` may share with other reads; `write:<key>` with nothing. Keys name a volume or a backup. */
export type Lock = `${"read" | "write"}:${string}`;

export function conflicts(a: Lock, b: Lock): boolean {
  const key = (l: Lock) => l.slice(l.indexOf(":") + 1);
  return key(a) === key(b) && (a.startsWith("write:") || b.startsWith("write:"));
}

/** Whether a job holding `held` blocks one that wants `wanted`. */
export const blocks = (held: Lock[], wanted: Lock[]): boolean => held.some((h) => wanted.some((w) => conflicts(h, w)));
