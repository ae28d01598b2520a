"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextLink } from "@/components/ui/TextLink";
import { uploadBackupMutation, type UploadProgress } from "@/lib/api/backup-queries";
import { isApiError } from "@/lib/api/error";
import { volumeNameProblem } from "@/lib/api/schemas";
import { formatBytes, plural } from "@/lib/format";
import { backupHref } from "@/lib/routes";
import { DropZone } from "./DropZone";
import { ProgressBar } from "./ProgressBar";
import { SpecialFilesNotice } from "./SpecialFilesNotice";
import { suggestVolumeName } from "./upload-name";

const field = "mt-1 block w-full rounded-md border border-line-strong px-2.5 py-1.5 text-sm font-normal aria-invalid:border-danger";

/** An archive from this computer becomes a backup: streamed up with progress, checked whole by the server. */
export function UploadBackup() {
  const qc = useQueryClient();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [volume, setVolume] = useState("");
  const [tried, setTried] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const upload = useMutation(uploadBackupMutation(qc));
  const nameProblem = volumeNameProblem(volume.trim());
  const busy = upload.isPending;

  const pick = (f: File) => {
    setFile(f);
    setTried(false);
    upload.reset();
    setProgress(null);
    // A name typed by hand is kept; otherwise follow the file.
    setVolume((v) => (v && v !== suggestVolumeName(file?.name ?? "") ? v : suggestVolumeName(f.name)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!file || nameProblem) return;
    abort.current = new AbortController();
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      { file, volume: volume.trim(), onProgress: setProgress, signal: abort.current.signal },
      {
        // The file is done with: without clearing `tried`, "Choose an archive first." stood above "Uploaded.".
        onSuccess: () => {
          setFile(null);
          setTried(false);
        },
      },
    );
  };

  const percent = progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  const sent = !!progress && progress.loaded >= progress.total;
  const cancelled = isApiError(upload.error) && upload.error.details.cancelled === true;
  const refused = isApiError(upload.error) && upload.error.code === "invalid_input";

  return (
    <form onSubmit={submit} className="space-y-3 text-sm" noValidate aria-label="Upload an archive">
      <DropZone file={file} onFile={pick} disabled={busy} />
      <div>
        <label className="block font-medium text-fg">
          Volume name
          <input
            value={volume}
            onChange={(e) => setVolume(e.target.value)}
            disabled={busy}
            aria-invalid={tried && !!nameProblem}
            aria-describedby={hintId}
            spellCheck={false}
            className={field}
          />
        </label>
        <p id={hintId} className={`mt-1 text-xs ${tried && nameProblem ? "text-danger-fg" : "text-fg-muted"}`}>
          {tried && nameProblem ? nameProblem : "The volume this archive is a backup of; a restore proposes it as the name."}
        </p>
      </div>
      {tried && !file && <p className="text-danger-fg">Choose an archive first.</p>}
      {busy && progress && (
        <div className="space-y-1">
          <ProgressBar label="Upload progress" percent={percent} text={`${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}`} />
          <p className="tabular-nums text-fg-muted" aria-live="polite">
            {sent ? "Sent; the server is checking the archive…" : `${formatBytes(progress.loaded)} of ${formatBytes(progress.total)} · ${percent}%`}
          </p>
        </div>
      )}
      {upload.data && (
        <Alert tone="success" title="Uploaded.">
          <p>
            A backup of <strong>{upload.data.volume}</strong> ({plural(upload.data.entries, "entry", "entries")}, {formatBytes(upload.data.sizeBytes)}) is
            listed now. <TextLink href={backupHref(upload.data.id)}>Show it</TextLink>
          </p>
        </Alert>
      )}
      {upload.data && <SpecialFilesNotice special={upload.data.specialFiles} />}
      {upload.error &&
        (cancelled ? (
          <Alert tone="info">The upload was cancelled; nothing was kept.</Alert>
        ) : (
          <ErrorAlert error={upload.error} title={refused ? "The archive was refused." : "The upload failed."} />
        ))}
      <div className="flex justify-end gap-2">
        {busy && <Button onClick={() => abort.current?.abort()}>Cancel upload</Button>}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Uploading…" : "Upload"}
        </Button>
      </div>
    </form>
  );
}
