import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/Button";

/**
 * The destructive action of an admin table row (Remove, Revoke): red with a bin, the same on every admin page,
 * and named for screen readers with the row it acts on ("Remove" + " engine x"). A disabled one stays red but
 * faded, with its reason in `disabledReason` (shown as a tooltip and read as the button's description).
 * The confirmation is the caller's.
 */
export function RemoveAction({ label, context, onClick, disabledReason }: { label: string; context: string; onClick?: () => void; disabledReason?: string }) {
  const reasonId = disabledReason ? `reason-${context.replace(/[^A-Za-z0-9_-]/g, "-")}` : undefined;
  return (
    <>
      <Button
        variant="ghost"
        onClick={onClick}
        disabled={Boolean(disabledReason)}
        title={disabledReason}
        aria-describedby={reasonId}
        className="disabled:opacity-50"
      >
        {/* The colour sits on an inner span: on the button it would compete with the ghost style's own text colour. */}
        <span className="inline-flex items-center gap-1.5 text-danger-fg">
          <Trash2 aria-hidden className="size-4" />
          {label}
        </span>
        <span className="sr-only"> {context}</span>
      </Button>
      {reasonId && (
        <span id={reasonId} className="sr-only">
          {disabledReason}
        </span>
      )}
    </>
  );
}
