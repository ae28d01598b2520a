"use client";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { inputClass, labelClass } from "@/components/ui/fields";

/** The one showing of a new token's secret, with a copy button that works on plain-HTTP hosts too. */
export function TokenSecret({ secret, role, onDone }: { secret: string; role: string; onDone: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // The clipboard API needs a secure context (https or localhost): fall back to the selection.
      input.current?.select();
      setCopied(document.execCommand?.("copy") ? "yes" : "no");
    }
  };
  return (
    <div className="space-y-4 text-sm">
      <Alert tone="warning" title="Copy this token now: you won't see it again.">
        <p>Voldeck keeps only a hash of it. If it gets lost, revoke it and create another. It acts as {role}.</p>
      </Alert>
      <div>
        <label htmlFor={id} className={labelClass}>
          API token
        </label>
        <div className="flex items-stretch gap-2">
          <input
            id={id}
            ref={input}
            readOnly
            value={secret}
            onFocus={(e) => e.target.select()}
            spellCheck={false}
            className={`${inputClass} font-mono text-xs`}
          />
          <Button onClick={() => void copy()} className="mt-1 shrink-0">
            Copy
          </Button>
        </div>
        <p role="status" className="mt-1 min-h-4 text-xs text-fg-muted">
          {copied === "yes" ? "Copied to the clipboard." : copied === "no" ? "Could not copy: the token is selected, copy it with Ctrl+C." : ""}
        </p>
      </div>
      <p className="text-fg-muted">
        Use it as <code className="rounded bg-surface-2 px-1">Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
