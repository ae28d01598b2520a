"use client";
import { useId, useState, type DragEvent } from "react";
import { formatBytes } from "@/lib/format";

// Dropping is a mouse gesture; the file input inside is the keyboard's way in (Tab to "Choose an archive…",
// Enter or Space opens the picker). The input is visually hidden, not display:none, so it keeps its focus.
export function DropZone({ file, onFile, disabled }: { file: File | null; onFile: (file: File) => void; disabled: boolean }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const drag = (e: DragEvent, entering: boolean) => {
    e.preventDefault();
    if (!disabled) setOver(entering);
  };
  return (
    <div
      onDragEnter={(e) => drag(e, true)}
      onDragOver={(e) => drag(e, true)}
      onDragLeave={(e) => drag(e, false)}
      onDrop={(e) => {
        drag(e, false);
        const dropped = e.dataTransfer.files[0];
        if (dropped && !disabled) onFile(dropped);
      }}
      className={`rounded-lg border-2 border-dashed px-4 py-5 text-center text-sm ${over ? "border-accent bg-accent-soft" : "border-line-strong bg-surface-2"}`}
    >
      <p className="text-fg-muted">Drop a .tar or .tar.gz archive here, or</p>
      <input
        id={id}
        type="file"
        accept=".tar,.gz,.tgz,application/gzip,application/x-tar"
        disabled={disabled}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          if (picked) onFile(picked);
          e.target.value = ""; // picking the same file again still counts
        }}
        className="peer sr-only"
      />
      <label
        htmlFor={id}
        className="mt-2 inline-flex cursor-pointer items-center rounded-md border border-line-strong bg-surface px-3 py-1.5 font-medium text-fg hover:bg-surface-2 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent peer-disabled:cursor-not-allowed peer-disabled:text-fg-subtle"
      >
        Choose an archive…
      </label>
      <p className="mt-2 min-h-5 text-fg" aria-live="polite">
        {file ? (
          <>
            Chosen: <strong className="[overflow-wrap:anywhere]">{file.name}</strong> ({formatBytes(file.size)})
          </>
        ) : (
          <span className="text-fg-muted">No file chosen.</span>
        )}
      </p>
    </div>
  );
}
