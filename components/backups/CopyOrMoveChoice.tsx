"use client";
import { useId } from "react";

type CopyOrMove = "copy" | "move";

type Props = {
  value: CopyOrMove;
  onChange: (value: CopyOrMove) => void;
  volume: string;
  engine: string;
  targetEngine: string;
  /** Containers and services that use the volume: a move is refused while there is any. */
  users: string[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
};

/**
 * Copy or move, as two radios (one tab stop, arrow keys between them, as native radios do); a move says what it
 * removes and asks for its own confirmation, or says why it cannot be done while the volume is in use.
 */
export function CopyOrMoveChoice({ value, onChange, volume, engine, targetEngine, users, confirmed, onConfirm }: Props) {
  const name = useId();
  const noteId = useId();
  const choices = [
    { value: "copy", label: "Copy", help: "The source stays as it is." },
    { value: "move", label: "Move", help: "The source is removed once the copy is verified." },
  ] as const;
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium text-fg">Copy or move</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {choices.map((c) => (
          <label
            key={c.value}
            className="flex items-start gap-2 rounded-md border border-line px-3 py-2 has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-accent"
          >
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              aria-labelledby={`${noteId}-${c.value}-label`}
              aria-describedby={`${noteId}-${c.value}`}
              className="mt-1"
            />
            <span>
              <span id={`${noteId}-${c.value}-label`} className="font-medium text-fg">
                {c.label}
              </span>
              <span id={`${noteId}-${c.value}`} className="block text-fg-muted">
                {c.help}
              </span>
            </span>
          </label>
        ))}
      </div>
      {value === "move" && (
        <div role="note" className="space-y-2 rounded-md border border-warn-line bg-warn-soft px-3 py-2 text-warn-fg">
          {users.length > 0 ? (
            <p role="alert">
              <strong>{volume}</strong> is in use by {users.join(", ")}: it cannot be moved while anything uses it. Copy it instead, or remove them first.
            </p>
          ) : (
            <>
              <p>
                <strong>{volume}</strong> is deleted from engine {engine} once its copy on {targetEngine} has been read back and matches. If anything fails, the
                source is kept and the half-made copy removed.
              </p>
              <label className="flex items-start gap-2">
                <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} className="mt-0.5 h-4 w-4" />
                <span>
                  I understand that <strong>{volume}</strong> will be removed from {engine}.
                </span>
              </label>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
