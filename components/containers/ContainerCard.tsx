import { StateBadge, Badge } from "@/components/ui/Badge";
import { textLinkClass } from "@/components/ui/TextLink";
import type { Container } from "@/lib/api/types";
import { containerAnchor, containerFragment } from "@/lib/routes";
import { MountsTable } from "./MountsTable";

// A container whose image tag was removed or reassigned shows the image id: 71 characters of noise.
function ImageName({ image }: { image: string }) {
  const id = /^sha256:([0-9a-f]{64})$/.exec(image);
  return (
    <code className="[overflow-wrap:anywhere] text-fg" title={id ? image : undefined}>
      {id ? `sha256:${id[1].slice(0, 12)}` : image}
    </code>
  );
}

type Props = {
  engine: string;
  container: Container;
  targeted: boolean;
  /** Called before following a `--volumes-from` link, so a filtered-out target can be shown again. */
  onFollow: (name: string) => void;
  exists: (name: string) => boolean;
};

export function ContainerCard({ engine, container: c, targeted, onFollow, exists }: Props) {
  const headingId = `${containerAnchor(c.name)}-heading`;
  return (
    <section
      id={containerAnchor(c.name)}
      aria-labelledby={headingId}
      className={`scroll-mt-4 overflow-hidden rounded-lg border bg-surface shadow-sm ${targeted ? "border-accent ring-2 ring-accent" : "border-line"}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-4 py-3">
        <h2 id={headingId} className="[overflow-wrap:anywhere] text-base font-semibold text-fg">
          {c.name}
        </h2>
        <StateBadge state={c.state} />
        {c.composeProject && <Badge tone="violet">compose: {c.composeProject}</Badge>}
        {c.status && c.status.toLowerCase() !== c.state && <span className="text-xs text-fg-muted">{c.status}</span>}
        <p className="min-w-0 text-sm text-fg-muted sm:ml-auto">
          <span className="text-xs">image </span>
          <ImageName image={c.image} />
        </p>
      </div>
      {c.volumesFrom.length > 0 && (
        <p className="border-b border-line bg-surface-2 px-4 py-2 text-sm text-fg-muted">
          Takes volumes from:{" "}
          {c.volumesFrom.map((from, i) => (
            <span key={from}>
              {i > 0 && ", "}
              {exists(from) ? (
                <a href={containerFragment(from)} onClick={() => onFollow(from)} className={textLinkClass}>
                  {from}
                </a>
              ) : (
                <span title="This container no longer exists.">{from}</span>
              )}
            </span>
          ))}
          <span className="text-fg-muted"> — those mounts are listed below as this container&apos;s own.</span>
        </p>
      )}
      {c.mounts.length > 0 ? (
        <MountsTable engine={engine} containerName={c.name} mounts={c.mounts} />
      ) : (
        <p className="px-4 py-3 text-sm text-fg-muted">No mounts.</p>
      )}
    </section>
  );
}
