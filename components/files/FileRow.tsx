"use client";
import { Eye, File, FileQuestion, Folder, Link2 } from "lucide-react";
import { IntentLink } from "@/components/ui/IntentLink";
import { Badge } from "@/components/ui/Badge";
import { textLinkClass } from "@/components/ui/TextLink";
import type { FileEntry } from "@/lib/api/files-types";
import { DownloadLink } from "./DownloadLink";
import type { FileSource } from "./file-source";
import { joinPath } from "./paths";

export const TYPE_LABEL: Record<FileEntry["type"], string> = { dir: "directory", file: "file", symlink: "symlink", other: "other" };
const TYPE_ICON = { dir: Folder, file: File, symlink: Link2, other: FileQuestion };

/**
 * A row's name, on one line (a virtual row is one fixed height): the name, cut with an ellipsis and whole in its
 * title; a symlink's target after an arrow, also cut (a long name leaves it 5rem).
 */
export function NameCell({ src, dir, entry }: { src: FileSource; dir: string; entry: FileEntry }) {
  const path = joinPath(dir, entry.name);
  // Directories, and links that stay inside (the server follows those, and says so when one is a file).
  const opens = entry.type === "dir" || (entry.type === "symlink" && !entry.linkOutside);
  const Icon = TYPE_ICON[entry.type];
  const name = `min-w-0 truncate ${entry.type === "symlink" ? "max-w-[calc(100%-5rem)]" : ""}`;
  return (
    <span className="flex min-w-0 items-center gap-2">
      <Icon aria-hidden className={`size-4 shrink-0 ${entry.type === "dir" ? "text-accent-fg" : "text-fg-subtle"}`} />
      {opens ? (
        <IntentLink href={src.dirHref(path)} title={entry.name} className={`${textLinkClass} ${name}`}>
          {entry.name}
          {entry.type === "dir" && "/"}
        </IntentLink>
      ) : (
        <span title={entry.name} className={`${name} text-fg`}>
          {entry.name}
        </span>
      )}
      {entry.type === "symlink" && (
        <span title={`→ ${entry.linkTarget}`} className="min-w-0 truncate font-mono text-xs text-fg-muted">
          → {entry.linkTarget}
        </span>
      )}
      {entry.linkOutside && (
        <span className="flex shrink-0">
          <Badge tone="amber" title="The target is outside this volume; the console does not follow it.">
            points outside the volume
          </Badge>
        </span>
      )}
    </span>
  );
}

type ActionsProps = { src: FileSource; dir: string; entry: FileEntry; onPreview: (path: string) => void; canDownload: boolean };

/** Preview (files, and links that stay inside) and download (when allowed; a directory as .tar.gz). */
export function FileActions({ src, dir, entry: e, onPreview, canDownload }: ActionsProps) {
  const path = joinPath(dir, e.name);
  const readable = e.type === "file" || (e.type === "symlink" && !e.linkOutside);
  return (
    <span className="flex w-full items-center justify-end gap-2 px-3">
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
  );
}
