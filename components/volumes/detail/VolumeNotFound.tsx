import { TextLink } from "@/components/ui/TextLink";
import { volumesHref } from "@/lib/routes";

// Reached by a stale link, or live: the volume was removed (here, by CLI, by a prune) while open.
export function VolumeNotFound({ engine, name }: { engine: string; name: string }) {
  return (
    <div role="status" className="rounded-lg border border-dashed border-line-strong bg-surface px-6 py-10 text-center">
      <p className="font-medium text-fg">
        There is no volume <code className="[overflow-wrap:anywhere] rounded bg-surface-2 px-1">{name}</code> on engine{" "}
        <strong className="font-semibold">{engine}</strong>.
      </p>
      <p className="mt-2 text-sm text-fg-muted">It may have just been removed, or the link is out of date.</p>
      <p className="mt-4">
        <TextLink href={volumesHref(engine)} className="text-sm">
          Back to the volumes list
        </TextLink>
      </p>
    </div>
  );
}
