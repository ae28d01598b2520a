"use client";
import { useId, useState, type DragEvent, type Ref } from "react";
import { formatBytes } from "@/lib/format";

type Props = {
  file: File | null;
  onFile: (file: File) => void;
  disabled: boolean;
  /** The form's problem with the file ("Choose an archive first."), tied to the file input for screen readers. */
  error?: string;
  /** The file input, so the form can focus it when it is the first invalid field. */
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
};

// Dropping is a mouse gesture; the file input inside is the keyboard's way in (Tab to "Choose an archive…",
// Enter or Space opens the picker). The input is visually hidden, not display:none, so it keeps its focus.
export function DropZone({ file, onFile, disabled, error, inputRef, onBlur }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);
  const drag = (e: DragEvent, entering: boolean) => {
    e.preventDefault();
    if (!disabled) setOver(entering);
  };
  const border = over ? "border-accent bg-accent-soft" : error ? "border-danger bg-surface-2" : "border-line-strong bg-surface-2";
  return (
    <div>
      <div
        onDragEnter={(e) => drag(e, true)}
        onDragOver={(e) => drag(e, true)}
        onDragLeave={(e) => drag(e, false)}
        onDrop={(e) => {
          drag(e, false);
          const dropped = e.dataTransfer.files[0];
          if (dropped && !disabled) onFile(dropped);
        }}
        className={`rounded-lg border-2 border-dashed px-4 py-5 text-center text-sm ${border}`}
      >
        <p className="text-fg-muted">Drop a .tar or .tar.gz archive here, or</p>
        <input
          id={id}
          ref={inputRef}
          type="file"
          accept=".tar,.gz,.tgz,application/gzip,application/x-tar"
          disabled={disabled}
          aria-invalid={!!error}
          aria-describedby={`${id}-chosen ${id}-error`}
          onBlur={onBlur}
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
        <p id={`${id}-chosen`} className="mt-2 min-h-5 text-fg" aria-live="polite">
          {file ? (
            <>
              Chosen: <strong className="[overflow-wrap:anywhere]">{file.name}</strong> ({formatBytes(file.size)})
            </>
          ) : (
            <span className="text-fg-muted">No file chosen.</span>
          )}
        </p>
      </div>
      <p id={`${id}-error`} className="mt-1 text-xs text-danger-fg empty:hidden">
        {error}
      </p>
    </div>
  );
}
