"use client";
import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";

/**
 * A modal dialog (Radix: focus trapped inside and returned to the opener, Escape and the × ("Dismiss": many dialogs
 * have their own "Close" button) close it,
 * screen readers announce it with its title). The API of the former native <dialog> is kept, so callers did
 * not change: `open`, `title`, `onClose`, `wide`. A click on the backdrop does not close it: a half-filled
 * form must not be lost to a stray click.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-backdrop" />
        <RadixDialog.Content
          aria-describedby={undefined}
          onPointerDownOutside={(e) => e.preventDefault()}
          className={`fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-1.5rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-line bg-surface text-fg shadow-xl focus:outline-none ${
            wide ? "max-w-3xl" : "max-w-lg"
          }`}
        >
          <div className="flex items-start justify-between gap-3 border-b border-line px-5 py-3.5">
            <RadixDialog.Title className="min-w-0 text-base font-semibold text-fg [overflow-wrap:anywhere]">{title}</RadixDialog.Title>
            <RadixDialog.Close
              aria-label="Dismiss"
              className="-mr-1.5 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-fg-muted hover:bg-surface-2 hover:text-fg"
            >
              <X aria-hidden className="size-4" />
            </RadixDialog.Close>
          </div>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
