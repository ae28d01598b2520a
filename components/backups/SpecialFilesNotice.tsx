"use client";
import type { SpecialFiles } from "@/lib/api/types";
import { plural } from "@/lib/format";

type Props = {
  special: SpecialFiles | undefined;
  /** In the restore form: the explicit choice to restore device nodes (the server refuses them without it). */
  allowDevices?: boolean;
  onAllowDevices?: (allow: boolean) => void;
};

/**
 * Names the device nodes and setuid-root files an uploaded archive holds, where a person decides about them
 * (after the upload, and in the restore dialog): a device node gives the volume's users a device of the engine's
 * host, a setuid-root file runs as root for whoever may run it. Nothing when the archive holds neither.
 */
export function SpecialFilesNotice({ special, allowDevices = false, onAllowDevices }: Props) {
  if (!special || (!special.deviceCount && !special.setuidRootCount)) return null;
  return (
    <div role="note" aria-label="Special files" className="space-y-2 rounded-md border border-warn-line bg-warn-soft px-3 py-2 text-warn-fg">
      {special.deviceCount > 0 && (
        <div>
          <p>
            This archive holds <strong>{plural(special.deviceCount, "device node", "device nodes")}</strong>; restored, they give the volume&apos;s users access
            to the engine host&apos;s devices:
          </p>
          <Names names={special.devices} count={special.deviceCount} />
          {onAllowDevices && (
            <label className="mt-1 flex items-start gap-2 font-medium">
              <input type="checkbox" checked={allowDevices} onChange={(e) => onAllowDevices(e.target.checked)} className="mt-1" />
              <span>Restore the device nodes too (required to restore this archive)</span>
            </label>
          )}
        </div>
      )}
      {special.setuidRootCount > 0 && (
        <div>
          <p>
            It holds <strong>{plural(special.setuidRootCount, "setuid-root file", "setuid-root files")}</strong>, which run as root for whoever may run them:
          </p>
          <Names names={special.setuidRoot} count={special.setuidRootCount} />
        </div>
      )}
    </div>
  );
}

function Names({ names, count }: { names: string[]; count: number }) {
  return (
    <ul className="mt-1 list-inside list-disc font-mono text-xs">
      {names.map((n) => (
        <li key={n}>{n}</li>
      ))}
      {count > names.length && <li className="list-none font-sans">and {count - names.length} more</li>}
    </ul>
  );
}
