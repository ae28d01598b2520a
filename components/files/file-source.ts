// Where the file browser's rows link to and read from. A live volume by default; a restic snapshot (issue 12)
// passes its own, so the same table, breadcrumbs and preview serve both.
import { fetchPreview, fileDownloadUrl, filesKeys, type FilePreview } from "@/lib/api/files-queries";
import { filesHref } from "@/lib/routes";

export type FileSource = {
  /** The browser's page of the directory `path`. */
  dirHref: (path: string) => string;
  /** A file's bytes, or a directory as .tar.gz. */
  downloadUrl: (path: string) => string;
  /** The first megabyte of a text file. */
  preview: (path: string, signal?: AbortSignal) => Promise<FilePreview>;
  /** Query key prefix of the previews. */
  key: readonly unknown[];
  /** The root in the breadcrumbs ("pgdata:/"). */
  rootLabel: string;
};

export const liveFiles = (engine: string, volume: string): FileSource => ({
  dirHref: (path) => filesHref(engine, volume, path),
  downloadUrl: (path) => fileDownloadUrl(engine, volume, path),
  preview: (path, signal) => fetchPreview(engine, volume, path, signal),
  key: filesKeys.all(engine, volume),
  rootLabel: `${volume}:/`,
});
