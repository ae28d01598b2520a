"use client";
import { useId } from "react";
import { inputClass, labelClass } from "@/components/ui/fields";

// Key material as a file (read in the browser, never uploaded by itself) or pasted text. On an engine that
// already has it stored, an empty field keeps what is stored.
export function PemField({ label, value, onChange, hint }: { label: string; value: string; onChange: (text: string) => void; hint: string }) {
  const hintId = useId();
  return (
    <div>
      <label className={labelClass}>
        {label}
        <textarea
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hintId}
          placeholder="-----BEGIN …-----"
          className={`${inputClass} font-mono text-xs`}
        />
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <label className="text-xs text-fg-muted">
          <span className="sr-only">{label}: </span>
          Load from a file:{" "}
          <input
            type="file"
            className="text-xs file:mr-2 file:rounded file:border file:border-line-strong file:bg-surface file:px-2 file:py-0.5"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) onChange(await file.text());
            }}
          />
        </label>
        <p id={hintId} className="text-xs text-fg-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}
