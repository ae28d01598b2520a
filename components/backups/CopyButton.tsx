"use client";
import { useEffect, useState } from "react";

/** Copies `text`; says so for a moment (politely, to screen readers too). Works on plain-HTTP hosts as well. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<"copied" | "failed" | null>(null);
  useEffect(() => {
    if (!done) return;
    const t = setTimeout(() => setDone(null), 2_000);
    return () => clearTimeout(t);
  }, [done]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone("copied");
    } catch {
      // The clipboard API needs a secure context (https or localhost): fall back to a hidden selection.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "fixed -left-[9999px]";
      document.body.append(area);
      area.select();
      setDone(document.execCommand?.("copy") ? "copied" : "failed");
      area.remove();
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={label}
        title={label}
        className="rounded px-1.5 py-0.5 text-xs font-medium text-accent-fg hover:bg-accent-soft"
      >
        {done === "copied" ? "Copied" : "Copy"}
      </button>
      <span role="status" className="sr-only">
        {done === "copied" ? "Copied to the clipboard." : done === "failed" ? "Could not copy." : ""}
      </span>
    </>
  );
}
