"use client";
import { ErrorAlert } from "@/components/ui/Alert";

/**
 * The server's refusal of a form, as an alert under it — unless a field already says it (applyServerIssues puts
 * per-field issues on their fields; the same words twice would only make the form longer).
 */
export function FormRefusal({ form, error, title }: { form: { formState: { errors: object } }; error: unknown; title: string }) {
  if (!error || Object.keys(form.formState.errors).length > 0) return null;
  return <ErrorAlert error={error} title={title} />;
}
