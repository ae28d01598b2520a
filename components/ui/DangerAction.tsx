import { Button } from "./Button";

/**
 * A destructive action in a table row: red text, and a name that says which row it acts on for screen
 * readers ("Delete" + " backup x" reads "Delete backup x"). The confirmation is the caller's.
 */
export function DangerAction({ label, context, onClick }: { label: string; context: string; onClick: () => void }) {
  return (
    <Button variant="ghost" onClick={onClick}>
      <span className="text-danger-fg">{label}</span>
      <span className="sr-only"> {context}</span>
    </Button>
  );
}
