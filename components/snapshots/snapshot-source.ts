// The file browser's FileSource for a restic snapshot: rows link to the snapshot's own pages and read its files.
import type { FileSource } from "@/components/files/file-source";
import { snapshotHref } from "@/lib/routes";
import { fetchSnapshotPreview, snapshotDownloadUrl, snapshotKeys } from "./snapshot-queries";

export const snapshotFiles = (repo: string, sid: string, rootLabel: string, of?: { engine: string; volume: string }): FileSource => ({
  dirHref: (path) => snapshotHref(repo, sid, path, of),
  downloadUrl: (path) => snapshotDownloadUrl(repo, sid, path),
  preview: (path, signal) => fetchSnapshotPreview(repo, sid, path, signal),
  key: snapshotKeys.files(repo, sid),
  rootLabel,
});
