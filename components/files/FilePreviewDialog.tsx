"use client";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert, Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Loading } from "@/components/ui/States";
import { formatBytes } from "@/lib/format";
import { DownloadLink } from "./DownloadLink";
import { liveFiles, type FileSource } from "./file-source";

// A text file's first megabyte, as text: React escapes it, nothing in it is ever interpreted as markup.
export function FilePreviewDialog({
  engine,
  volume,
  path,
  canDownload,
  onClose,
  source,
}: {
  engine: string;
  volume: string;
  path: string | null;
  canDownload: boolean;
  onClose: () => void;
  source?: FileSource;
}) {
  const src = source ?? liveFiles(engine, volume);
  const { data, error, isPending } = useQuery({
    queryKey: [...src.key, "preview", path],
    queryFn: ({ signal }) => src.preview(path!, signal),
    enabled: path !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const download = canDownload && path && <DownloadLink href={src.downloadUrl(path)} label="Download the file" />;
  let body;
  if (isPending) body = <Loading label="Reading the file…" />;
  else if (error) body = <ErrorAlert error={error} title="Could not preview this file." />;
  else if (data?.kind === "binary")
    body = (
      <Alert tone="warning" title="Binary file — not shown">
        <p>{data.message}</p>
      </Alert>
    );
  else if (data)
    body = (
      <div className="space-y-2">
        <p className="text-xs text-fg-muted" aria-live="polite">
          {data.truncated ? `Showing the first ${formatBytes(data.text.length)} of ${formatBytes(data.size)}.` : `${formatBytes(data.size)}, shown whole.`}
        </p>
        {data.text.length ? (
          <pre
            aria-label="File contents"
            tabIndex={0}
            className="max-h-[60vh] overflow-auto whitespace-pre-wrap break-all rounded-md border border-line bg-surface-2 p-3 font-mono text-xs text-fg"
          >
            {data.text}
          </pre>
        ) : (
          <p className="text-sm text-fg-muted">The file is empty.</p>
        )}
      </div>
    );
  return (
    <Dialog open={path !== null} title={path ? `Preview of ${path}` : "Preview"} onClose={onClose} wide>
      {body}
      <div className="mt-4 flex justify-end gap-2">
        {download}
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}
