import { IntentLink } from "@/components/ui/IntentLink";
import { textLinkClass } from "@/components/ui/TextLink";
import { liveFiles, type FileSource } from "./file-source";
import { crumbs } from "./paths";

/** Where in the volume this listing is; every directory above it is one click away. */
export function FileBreadcrumbs({ engine, volume, path, source }: { engine: string; volume: string; path: string; source?: FileSource }) {
  const all = crumbs(path);
  const src = source ?? liveFiles(engine, volume);
  return (
    <nav aria-label="Folder path">
      <ol className="flex flex-wrap items-center gap-1 font-mono text-sm text-fg-muted">
        {all.map((c, i) => {
          const last = i === all.length - 1;
          return (
            <li key={c.path} className="flex items-center gap-1">
              {i > 1 && (
                <span aria-hidden className="text-fg-subtle">
                  /
                </span>
              )}
              {last ? (
                <span aria-current="page" className="font-semibold text-fg">
                  {i === 0 ? src.rootLabel : c.name}
                </span>
              ) : (
                <IntentLink href={src.dirHref(c.path)} className={textLinkClass}>
                  {i === 0 ? src.rootLabel : c.name}
                </IntentLink>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
