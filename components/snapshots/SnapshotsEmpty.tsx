import { Camera } from "lucide-react";
import { TextLink } from "@/components/ui/TextLink";
import { REPOSITORIES_HREF } from "@/lib/routes";

/** No snapshot of this volume yet, and what to do about it: take one, or (with no repository) have an admin add one. */
export function SnapshotsEmpty({ hasRepository, canChange }: { hasRepository: boolean; canChange: boolean }) {
  return (
    <div className="flex gap-3 rounded-md border border-dashed border-line-strong px-3 py-3 text-sm">
      <Camera aria-hidden className="mt-0.5 size-4 shrink-0 text-fg-subtle" />
      <div className="min-w-0">
        <p className="font-medium text-fg">No snapshots yet</p>
        <p className="mt-0.5 text-fg-muted">
          {hasRepository ? (
            canChange ? (
              <>Snapshot now puts an encrypted, deduplicated copy of this volume into a restic repository; each later snapshot stores only what changed.</>
            ) : (
              <>An operator can take one with Snapshot now; you can then browse and compare it here.</>
            )
          ) : (
            <>
              Snapshots are kept in restic repositories (off this host, encrypted), and there is none yet. An admin adds one on the{" "}
              <TextLink href={REPOSITORIES_HREF}>Repositories page</TextLink>.
            </>
          )}
        </p>
      </div>
    </div>
  );
}
