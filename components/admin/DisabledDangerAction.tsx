import { Button } from "@/components/ui/Button";

/**
 * A row's destructive action that cannot be taken here (an engine set by the environment): the same red as
 * DangerAction (components/ui/DangerAction.tsx), faded, so Remove looks alike on every admin page whether it
 * can be clicked or not. The reason shows as a tooltip and is read as the button's description.
 */
export function DisabledDangerAction({
  label,
  context,
  reason,
  reasonId,
  size,
}: {
  label: string;
  context: string;
  reason: string;
  reasonId: string;
  size?: "sm" | "md";
}) {
  return (
    <>
      <Button variant="ghost" size={size} disabled title={reason} aria-describedby={reasonId} className="disabled:opacity-55">
        <span className="text-danger-fg">{label}</span>
        <span className="sr-only"> {context}</span>
      </Button>
      <span id={reasonId} className="sr-only">
        {reason}
      </span>
    </>
  );
}
