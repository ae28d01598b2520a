"use client";
import { ChevronRight } from "lucide-react";
import { textLinkClass } from "@/components/ui/TextLink";
import type { Container } from "@/lib/api/types";
import { containerAnchor, containerFragment } from "@/lib/routes";
import { mountSummary } from "./group";
import { LiveStatusText } from "./LiveStatusText";
import { MountsTable } from "./MountsTable";

/** The columns of a row and of the header above the rows: one definition keeps them aligned. */
export const ROW_GRID = "md:grid md:grid-cols-[1.75rem_minmax(0,1.3fr)_minmax(0,1fr)_16rem_minmax(0,1fr)] md:items-center md:gap-x-3";

// A container whose image tag was removed or reassigned shows the image id: 71 characters of noise.
function ImageName({ image }: { image: string }) {
  const id = /^sha256:([0-9a-f]{64})$/.exec(image);
  return (
    <code className="block truncate text-xs text-fg-muted" title={image}>
      {id ? `sha256:${id[1].slice(0, 12)}` : image}
    </code>
  );
}

type Props = {
  engine: string;
  container: Container;
  open: boolean;
  onToggle: () => void;
  targeted: boolean;
  /** Called before following a `--volumes-from` link, so a filtered-out target can be shown again. */
  onFollow: (name: string) => void;
  exists: (name: string) => boolean;
};

export function ContainerRow({ engine, container: c, open, onToggle, targeted, onFollow, exists }: Props) {
  const headingId = `${containerAnchor(c.name)}-heading`;
  const mountsId = `${containerAnchor(c.name)}-mounts`;
  return (
    <section
      id={containerAnchor(c.name)}
      aria-labelledby={headingId}
      className={`scroll-mt-16 ${targeted ? "bg-accent-soft ring-2 ring-inset ring-accent" : open ? "bg-surface-2/60" : ""}`}
    >
      <div className={`flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm ${ROW_GRID}`}>
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={open}
          aria-controls={mountsId}
          aria-label={`Mounts of ${c.name}`}
          className="grid size-7 shrink-0 place-items-center rounded text-fg-muted hover:bg-surface-3 hover:text-fg"
        >
          <ChevronRight aria-hidden className={`size-4 transition-transform ${open ? "rotate-90" : ""}`} />
        </button>
        <h3 id={headingId} className="min-w-0 flex-1 font-medium [overflow-wrap:anywhere] text-fg md:flex-none">
          {c.name}
        </h3>
        <div className="order-last w-full min-w-0 pl-10 md:order-none md:w-auto md:pl-0">
          <ImageName image={c.image} />
        </div>
        <div className="min-w-0">
          <LiveStatusText container={c} />
        </div>
        <p className="w-full truncate pl-10 text-xs text-fg-muted md:w-auto md:pl-0">
          {mountSummary(c)}
          {c.volumesFrom.length > 0 && ` · from ${c.volumesFrom.join(", ")}`}
        </p>
      </div>
      {open && (
        <div id={mountsId} className="mx-3 mb-3 overflow-hidden rounded-md border border-line bg-surface md:ml-12">
          {c.volumesFrom.length > 0 && (
            <p className="border-b border-line bg-surface-2 px-3 py-2 text-sm text-fg-muted">
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
              <span> — those mounts are listed below as this container&apos;s own.</span>
            </p>
          )}
          {c.mounts.length > 0 ? (
            <MountsTable engine={engine} containerName={c.name} mounts={c.mounts} />
          ) : (
            <p className="px-3 py-2 text-sm text-fg-muted">No mounts.</p>
          )}
        </div>
      )}
    </section>
  );
}
