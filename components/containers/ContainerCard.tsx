import { StateBadge, Badge } from "@/components/ui/Badge";
import { textLinkClass } from "@/components/ui/TextLink";
import type { Container } from "@/lib/api/types";
import { containerAnchor, containerFragment } from "@/lib/routes";
import { MountsTable } from "./MountsTable";

// A container whose image tag was removed or reassigned shows the image id: 71 characters of noise.
function ImageName({ image }: { image: string }) {
  const id = /^sha256:([0-9a-f]{64})$/.exec(image);
  return (
    <code className="[overflow-wrap:anywhere] text-slate-800" title={id ? image : undefined}>
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
      className={`scroll-mt-4 overflow-hidden rounded-lg border bg-white shadow-sm ${targeted ? "border-sky-500 ring-2 ring-sky-500" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="[overflow-wrap:anywhere] text-base font-semibold text-slate-900">
          {c.name}
        </h2>
        <StateBadge state={c.state} />
        {c.composeProject && <Badge tone="violet">compose: {c.composeProject}</Badge>}
        {c.status && c.status.toLowerCase() !== c.state && <span className="text-xs text-slate-600">{c.status}</span>}
        <p className="min-w-0 text-sm text-slate-600 sm:ml-auto">
          <span className="text-xs">image </span>
          <ImageName image={c.image} />
        </p>
      </div>
      {c.volumesFrom.length > 0 && (
        <p className="border-b border-slate-100 bg-slate-50 px-4 py-2 text-sm text-slate-700">
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
          <span className="text-slate-600"> — those mounts are listed below as this container&apos;s own.</span>
        </p>
      )}
      {c.mounts.length > 0 ? (
        <MountsTable engine={engine} containerName={c.name} mounts={c.mounts} />
      ) : (
        <p className="px-4 py-3 text-sm text-slate-600">No mounts.</p>
      )}
    </section>
  );
}
