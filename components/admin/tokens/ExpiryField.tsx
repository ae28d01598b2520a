"use client";
import { useId } from "react";
import { inputClass, labelClass } from "@/components/ui/fields";
import { EXPIRY_CHOICES, type ExpiryChoice } from "./expiry";

/** When a new token stops working: never, in 30 or 90 days, or at the end of a chosen day. */
export function ExpiryField({
  choice,
  date,
  problem,
  onChoice,
  onDate,
}: {
  choice: ExpiryChoice;
  date: string;
  problem: string | null;
  onChoice: (choice: ExpiryChoice) => void;
  onDate: (date: string) => void;
}) {
  const hintId = useId();
  return (
    <div className="space-y-2">
      <label className={labelClass}>
        Expires
        <select value={choice} onChange={(e) => onChoice(e.target.value as ExpiryChoice)} aria-describedby={hintId} className={inputClass}>
          {EXPIRY_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {choice === "date" && (
        <label className={labelClass}>
          Last day it works
          <input type="date" value={date} onChange={(e) => onDate(e.target.value)} aria-invalid={!!problem} aria-describedby={hintId} className={inputClass} />
        </label>
      )}
      <p id={hintId} role={problem ? "alert" : undefined} className={`text-xs ${problem ? "text-danger-fg" : "text-fg-muted"}`}>
        {problem ?? "An expired token is refused; a script using it then fails with a message that says so."}
      </p>
    </div>
  );
}
