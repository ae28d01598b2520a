import { Button } from "./Button";

/**
 * A destructive action in a table row: red text, and a name that says which row it acts on for screen
 * readers ("Delete" + " backup x" reads "Delete backup x"). The confirmation is the caller's. `size` "sm" for a
 * row's card on a phone, beside the other small buttons there.
 */
export function DangerAction({ label, context, onClick, size }: { label: string; context: string; onClick: () => void; size?: "sm" | "md" }) {
  return (
    <Button variant="ghost" size={size} onClick={onClick}>
      <span className="text-danger-fg">{label}</span>
      <span className="sr-only"> {context}</span>
    </Button>
  );
}
