import { TextLink } from "@/components/ui/TextLink";
import { shortName } from "@/lib/format";
import { volumesHref } from "@/lib/routes";

export function Breadcrumb({ engine, name }: { engine: string; name: string }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex min-w-0 items-center gap-2 text-sm text-fg-muted">
        <li>
          <TextLink href={volumesHref(engine)}>Volumes</TextLink>
        </li>
        <li className="flex min-w-0 items-center gap-2">
          <span aria-hidden className="text-fg-subtle">
            /
          </span>
          <span className="truncate" title={name} aria-current="page">
            {shortName(name)}
          </span>
        </li>
      </ol>
    </nav>
  );
}
