"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/Table";
import { textLinkClass } from "@/components/ui/TextLink";
import { fileDownloadUrl } from "@/lib/api/files-queries";
import type { FileEntry, FileSort, SortOrder } from "@/lib/api/files-types";
import { formatBytes, formatDateTime } from "@/lib/format";
import { filesHref } from "@/lib/routes";
import { DownloadLink } from "./DownloadLink";
import { joinPath, symbolicMode } from "./paths";

type Props = {
  engine: string;
  volume: string;
  dir: string;
  entries: FileEntry[];
  sort: FileSort;
  order: SortOrder;
  onSort: (sort: FileSort) => void;
  onPreview: (path: string) => void;
  canDownload: boolean;
};

const TYPE_LABEL: Record<FileEntry["type"], string> = { dir: "directory", file: "file", symlink: "symlink", other: "other" };

function SortHeader({
  label,
  column,
  sort,
  order,
  onSort,
  className = "",
}: { label: string; column: FileSort; className?: string } & Pick<Props, "sort" | "order" | "onSort">) {
  const active = sort === column;
  return (
    <Th aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <button type="button" onClick={() => onSort(column)} className="inline-flex items-center gap-1 uppercase hover:text-fg">
        {label}
        <span aria-hidden className={active ? "text-fg" : "text-fg-subtle"}>
          {active && order === "desc" ? "▼" : "▲"}
        </span>
      </button>
    </Th>
  );
}

function NameCell({ engine, volume, dir, entry }: { engine: string; volume: string; dir: string; entry: FileEntry }) {
  const path = joinPath(dir, entry.name);
  // Directories, and links that stay inside (the server follows those, and says so when one is a file).
  const opens = entry.type === "dir" || (entry.type === "symlink" && !entry.linkOutside);
  return (
    <div className="min-w-0">
      {opens ? (
        <Link href={filesHref(engine, volume, path)} className={`${textLinkClass} [overflow-wrap:anywhere]`}>
          {entry.name}
          {entry.type === "dir" && "/"}
        </Link>
      ) : (
        <span className="[overflow-wrap:anywhere] text-fg">{entry.name}</span>
      )}
      {entry.type === "symlink" && (
        <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-fg-muted">
          <span className="font-mono [overflow-wrap:anywhere]">→ {entry.linkTarget}</span>
          {entry.linkOutside && (
            <Badge tone="amber" title="The target is outside this volume; the console does not follow it.">
              points outside the volume
            </Badge>
          )}
        </p>
      )}
    </div>
  );
}

export function FilesTable({ engine, volume, dir, entries, sort, order, onSort, onPreview, canDownload }: Props) {
  return (
    <Table caption={`Files in ${dir}`}>
      <THead>
        <SortHeader label="Name" column="name" sort={sort} order={order} onSort={onSort} />
        <Th>Type</Th>
        <SortHeader label="Size" column="size" sort={sort} order={order} onSort={onSort} className="text-right" />
        <Th>Mode</Th>
        <Th>Owner</Th>
        <SortHeader label="Modified" column="mtime" sort={sort} order={order} onSort={onSort} />
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {entries.map((e) => {
          const path = joinPath(dir, e.name);
          const readable = e.type === "file" || (e.type === "symlink" && !e.linkOutside);
          return (
            <tr key={e.name} className="hover:bg-surface-2">
              <Td className="max-w-md">
                <NameCell engine={engine} volume={volume} dir={dir} entry={e} />
              </Td>
              <Td className="text-fg-muted">{TYPE_LABEL[e.type]}</Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{e.type === "dir" ? "—" : formatBytes(e.size)}</Td>
              <Td className="whitespace-nowrap font-mono text-xs leading-5">
                <span title={symbolicMode(e.mode)}>{e.mode}</span> <span className="text-fg-subtle">{symbolicMode(e.mode)}</span>
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs leading-5">
                {e.uid}:{e.gid}
              </Td>
              <Td className="whitespace-nowrap text-fg-muted">{formatDateTime(e.mtime)}</Td>
              <Td className="whitespace-nowrap text-right">
                <span className="inline-flex items-center gap-3">
                  {readable && (
                    <Button variant="ghost" className="py-0" onClick={() => onPreview(path)} aria-label={`Preview ${e.name}`}>
                      Preview
                    </Button>
                  )}
                  {canDownload && (readable || e.type === "dir") && (
                    <DownloadLink
                      href={fileDownloadUrl(engine, volume, path)}
                      label={e.type === "dir" ? "Download .tar.gz" : "Download"}
                      description={`Download ${e.name}`}
                    />
                  )}
                </span>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
