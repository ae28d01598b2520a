// Pure: the entries of an archive that deserve a word before they are restored. Device nodes give whoever can
// use the volume access to a device of the engine's host, so restoring them needs an explicit choice
// (allowDevices); setuid-root files run as root for whoever may run them, so they are listed as a warning.
// Found while the archive is read back (read-back.ts), kept in the backup's manifest. Unit-tested.
import { ApiError } from "@/lib/api/error";
import type { SpecialFiles } from "@/lib/api/types";
import type { TarEntry } from "@/lib/tar/reader";

export type { SpecialFiles } from "@/lib/api/types";

/** How many paths of each kind are named (the counts are complete). */
export const LISTED = 20;

const display = (name: Buffer) =>
  name
    .toString("utf8")
    .replace(/^(\.\/)+/, "")
    .replace(/\/+$/, "");

export class SpecialFilesFinder {
  private readonly found: SpecialFiles = { devices: [], deviceCount: 0, setuidRoot: [], setuidRootCount: 0 };

  add(e: TarEntry): void {
    if (e.type === "char" || e.type === "block") {
      if (this.found.deviceCount++ < LISTED) this.found.devices.push(`${display(e.name)} (${e.type} ${e.devmajor},${e.devminor})`);
    } else if (e.type === "file" && e.uid === 0 && e.mode & 0o4000) {
      if (this.found.setuidRootCount++ < LISTED) this.found.setuidRoot.push(display(e.name));
    }
  }

  result(): SpecialFiles {
    return this.found;
  }
}

/** Why restoring `special` without allowing devices is refused, or null when it may go ahead. */
export function deviceRefusal(special: SpecialFiles | undefined, allowDevices: boolean | undefined): string | null {
  if (!special?.deviceCount || allowDevices) return null;
  const shown = special.devices.slice(0, 3).join(", ");
  const more = special.deviceCount > 3 ? ` and ${special.deviceCount - 3} more` : "";
  const nodes = special.deviceCount === 1 ? "1 device node" : `${special.deviceCount} device nodes`;
  return `The backup holds ${nodes} (${shown}${more}); restoring them gives the volume's users access to the engine host's devices. Nothing was changed. Restore them only on purpose: tick "Restore the device nodes too" (allowDevices in the API) and restore again.`;
}

/** Refuses (409) a restore of device nodes that was not explicitly allowed. Call before anything is changed. */
export function assertDevicesAllowed(special: SpecialFiles | undefined, allowDevices: boolean | undefined): void {
  const refusal = deviceRefusal(special, allowDevices);
  if (refusal) throw new ApiError("conflict", refusal, { deviceCount: special!.deviceCount, devices: special!.devices, allowDevices: false });
}
