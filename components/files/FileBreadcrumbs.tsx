import Link from "next/link";
import { textLinkClass } from "@/components/ui/TextLink";
import { filesHref } from "@/lib/routes";
import { crumbs } from "./paths";

/** Where in the volume this listing is; every directory above it is one click away. */
export function FileBreadcrumbs({ engine, volume, path }: { engine: string; volume: string; path: string }) {
  const all = crumbs(path);
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
                  {i === 0 ? `${volume}:/` : c.name}
                </span>
              ) : (
                <Link href={filesHref(engine, volume, c.path)} className={textLinkClass}>
                  {i === 0 ? `${volume}:/` : c.name}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
