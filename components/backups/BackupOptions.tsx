"use client";
import { useId } from "react";
import type { Compression } from "@/lib/api/types";

const choices: { value: Compression; label: string; help: string }[] = [
  { value: "gzip", label: "gzip", help: "A .tar.gz, compressed on every core. Smaller; the usual choice." },
  { value: "none", label: "None", help: "A plain .tar: fastest, as big as the data. For data that is compressed already." },
];

export function CompressionChoice({ value, onChange }: { value: Compression; onChange: (c: Compression) => void }) {
  const name = useId();
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium text-fg">Compression</legend>
      {choices.map((c) => (
        <label key={c.value} className="flex items-start gap-2">
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} className="mt-1" />
          <span>
            <span className="font-medium">{c.label}</span>
            <span className="block text-fg-muted">{c.help}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
