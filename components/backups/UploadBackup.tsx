"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Controller, FormProvider } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/form/Field";
import type { Issue } from "@/components/ui/form/server-issues";
import { UnplacedIssues } from "@/components/ui/form/UnplacedIssues";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { TextLink } from "@/components/ui/TextLink";
import { uploadBackupMutation, type UploadProgress } from "@/lib/api/backup-queries";
import { isApiError } from "@/lib/api/error";
import { formatBytes, plural } from "@/lib/format";
import { backupHref } from "@/lib/routes";
import { DropZone } from "./DropZone";
import { ProgressBar } from "./ProgressBar";
import { SpecialFilesNotice } from "./SpecialFilesNotice";
import { emptyUploadForm, uploadFieldOf, uploadFormSchema, type UploadFormValues } from "./upload-form";
import { suggestVolumeName } from "./upload-name";

/** An archive from this computer becomes a backup: streamed up with progress, checked whole by the server. */
export function UploadBackup() {
  const qc = useQueryClient();
  const form = useZodForm(uploadFormSchema, { defaultValues: emptyUploadForm });
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [unplaced, setUnplaced] = useState<Issue[]>([]);
  const abort = useRef<AbortController | null>(null);
  const upload = useMutation(uploadBackupMutation(qc));
  const busy = upload.isPending;

  const pick = (f: File) => {
    const before = form.getValues();
    upload.reset();
    setProgress(null);
    setUnplaced([]);
    form.setValue("file", f, { shouldValidate: true, shouldTouch: true });
    // A name typed by hand is kept; otherwise follow the file.
    if (!before.volume || before.volume === suggestVolumeName(before.file?.name ?? "")) {
      form.setValue("volume", suggestVolumeName(f.name), { shouldValidate: form.formState.isSubmitted });
    }
  };
  const send = ({ file, volume }: UploadFormValues) => {
    setUnplaced([]);
    abort.current = new AbortController();
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      { file, volume, onProgress: setProgress, signal: abort.current.signal },
      {
        // The file is done with: the reset also clears every field message, so no "Choose an archive first."
        // stands above "Uploaded." (it once did).
        onSuccess: () => form.reset(emptyUploadForm),
        onError: (error) => setUnplaced(applyServerIssues(form, error, uploadFieldOf)),
      },
    );
  };
  // handleSubmit is called in the event, not during render: `send` touches the abort ref.
  const submit = (e: FormEvent) => void form.handleSubmit(send)(e);

  const percent = progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  const sent = !!progress && progress.loaded >= progress.total;
  const cancelled = isApiError(upload.error) && upload.error.details.cancelled === true;
  const refused = isApiError(upload.error) && upload.error.code === "invalid_input";
  const fieldErrors = Object.keys(form.formState.errors).length > 0;

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} className="space-y-3 text-sm" noValidate aria-label="Upload an archive">
        {/* A fieldset disables both fields during the upload (react-hook-form warns about `disabled` on a registered input). */}
        <fieldset disabled={busy} className="min-w-0 space-y-3">
          <Controller
            name="file"
            control={form.control}
            render={({ field, fieldState }) => (
              <DropZone file={field.value} onFile={pick} disabled={busy} error={fieldState.error?.message} inputRef={field.ref} onBlur={field.onBlur} />
            )}
          />
          <TextField name="volume" label="Volume name" spellCheck={false} hint="The volume this archive is a backup of; a restore proposes it as the name." />
        </fieldset>
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
        <UnplacedIssues issues={unplaced} />
        {upload.error &&
          !fieldErrors &&
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
    </FormProvider>
  );
}
