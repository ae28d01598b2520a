"use client";
import { Eye, File, FileQuestion, Folder, Link2 } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { textLinkClass } from "@/components/ui/TextLink";
import { Time } from "@/components/ui/Time";
import type { FileEntry } from "@/lib/api/files-types";
import { formatBytes } from "@/lib/format";
import { DownloadLink } from "./DownloadLink";
import { liveFiles, type FileSelection, type FileSource } from "./file-source";
import { joinPath, symbolicMode } from "./paths";

export const TYPE_LABEL: Record<FileEntry["type"], string> = { dir: "directory", file: "file", symlink: "symlink", other: "other" };
const TYPE_ICON = { dir: Folder, file: File, symlink: Link2, other: FileQuestion };

/** Which columns a narrow screen drops (kept in one place so the header and the rows agree). */
export const COL = { type: "hidden lg:table-cell", mode: "hidden md:table-cell", owner: "hidden lg:table-cell", modified: "hidden sm:table-cell" };
const td = "px-3 py-1.5 align-top";

function NameCell({ src, dir, entry, selection }: { src: FileSource; dir: string; entry: FileEntry; selection?: FileSelection }) {
  const path = joinPath(dir, entry.name);
  // Directories, and links that stay inside (the server follows those, and says so when one is a file).
  const opens = entry.type === "dir" || (entry.type === "symlink" && !entry.linkOutside);
  const Icon = TYPE_ICON[entry.type];
  return (
    <div className="flex min-w-0 gap-2">
      {selection && (
        <input
          type="checkbox"
          checked={selection.isSelected(path)}
          onChange={() => selection.toggle(path)}
          aria-label={`Select ${entry.name}`}
          className="mt-0.5 size-4 shrink-0"
        />
      )}
      <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${entry.type === "dir" ? "text-accent-fg" : "text-fg-subtle"}`} />
      <div className="min-w-0">
        {opens ? (
          <Link href={src.dirHref(path)} className={`${textLinkClass} [overflow-wrap:anywhere]`}>
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
    </div>
  );
}

type Props = {
  engine: string;
  volume: string;
  dir: string;
  entry: FileEntry;
  index: number;
  measure: (el: HTMLTableRowElement | null) => void;
  onPreview: (path: string) => void;
  canDownload: boolean;
  source?: FileSource;
  selection?: FileSelection;
};

export function FileRow({ engine, volume, dir, entry: e, index, measure, onPreview, canDownload, source, selection }: Props) {
  const src = source ?? liveFiles(engine, volume);
  const path = joinPath(dir, e.name);
  const readable = e.type === "file" || (e.type === "symlink" && !e.linkOutside);
  return (
    <tr ref={measure} data-index={index} className="hover:bg-surface-2">
      <td className={td}>
        <NameCell src={src} dir={dir} entry={e} selection={selection} />
      </td>
      <td className={`${td} text-fg-muted ${COL.type}`}>{TYPE_LABEL[e.type]}</td>
      <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{e.type === "dir" ? "—" : formatBytes(e.size)}</td>
      <td className={`${td} whitespace-nowrap font-mono text-xs leading-5 ${COL.mode}`}>
        <span title={symbolicMode(e.mode)}>{e.mode}</span> <span className="text-fg-subtle">{symbolicMode(e.mode)}</span>
      </td>
      <td className={`${td} whitespace-nowrap font-mono text-xs leading-5 ${COL.owner}`}>
        {e.uid}:{e.gid}
      </td>
      <td className={`${td} whitespace-nowrap text-fg-muted ${COL.modified}`}>
        <Time iso={e.mtime} />
      </td>
      <td className={`${td} whitespace-nowrap`}>
        {/* The 28 px buttons overhang the 20 px text line by 4 px each way, so their icons sit on the row's text. */}
        <span className="-my-1 flex items-center justify-end gap-2">
          {readable && (
            <button
              type="button"
              onClick={() => onPreview(path)}
              aria-label={`Preview ${e.name}`}
              title="Preview"
              className="grid size-7 place-items-center rounded text-fg-muted hover:bg-surface-3 hover:text-fg"
            >
              <Eye aria-hidden className="size-4" />
            </button>
          )}
          {canDownload && (readable || e.type === "dir") && (
            <DownloadLink href={src.downloadUrl(path)} label="" description={`Download ${e.name}`} className="grid size-7 place-items-center" />
          )}
        </span>
      </td>
    </tr>
  );
}
