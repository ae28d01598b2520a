"use client";
import { Search } from "lucide-react";

type Props = {
  /** The accessible name (visually hidden: the magnifier and the placeholder say what the box is). */
  label: string;
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  /** Width rules for the box in its toolbar. */
  className?: string;
};

/** The search box of a list's toolbar: a magnifier, a hidden label, and the house input style. */
export function SearchField({ label, value, onChange, placeholder, className = "flex-1 basis-56 sm:max-w-80" }: Props) {
  return (
    <label className={`relative min-w-0 ${className}`}>
      <span className="sr-only">{label}</span>
      <Search aria-hidden className="pointer-events-none absolute top-2 left-2.5 size-4 text-fg-subtle" />
      <input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        className="h-8 w-full rounded-md border border-line-strong bg-surface pr-2.5 pl-8 text-sm text-fg placeholder:text-fg-subtle"
      />
    </label>
  );
}
