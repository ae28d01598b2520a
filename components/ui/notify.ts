"use client";
import { toast } from "sonner";
import { isApiError } from "@/lib/api/error";

/**
 * Passing news after an action ("Backup started", "Volume removed"): a toast, announced to screen readers by
 * sonner. Errors that need reading or a decision stay in the page or the dialog, not here.
 */
export const notify = {
  success: (message: string, description?: string) => toast.success(message, { description }),
  info: (message: string, description?: string) => toast(message, { description }),
  /** An error from the API, in the server's words. */
  error: (title: string, error?: unknown) =>
    toast.error(title, { description: error === undefined ? undefined : isApiError(error) || error instanceof Error ? error.message : String(error) }),
};
