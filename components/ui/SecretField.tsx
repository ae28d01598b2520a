"use client";
import { Copy } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "./Button";
import { inputClass, labelClass } from "./fields";

/**
 * A secret shown once (a new API token, a generated repository password): read-only, selected on focus, with a
 * Copy button that works on plain-HTTP hosts too. `noun` names it in the fallback message.
 */
export function SecretField({ label, value, noun }: { label: string; value: string; noun: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // The clipboard API needs a secure context (https or localhost): fall back to the selection.
      input.current?.select();
      setCopied(document.execCommand?.("copy") ? "yes" : "no");
    }
  };
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="flex items-stretch gap-2">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          onFocus={(e) => e.target.select()}
          spellCheck={false}
          className={`${inputClass} bg-surface font-mono text-xs text-fg`}
        />
        <Button icon={Copy} onClick={() => void copy()} className="mt-1 shrink-0">
          Copy
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs text-fg-muted">
        {copied === "yes" ? "Copied to the clipboard." : copied === "no" ? `Could not copy: the ${noun} is selected, copy it with Ctrl+C.` : ""}
      </p>
    </div>
  );
}
