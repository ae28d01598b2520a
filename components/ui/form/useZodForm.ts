"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { placeIssues, serverIssues, type Issue } from "./server-issues";

/**
 * react-hook-form validated by a zod schema — the same schemas (lib/api/*-schemas.ts) the server parses requests
 * with, so a form refuses in the browser exactly what the server would refuse.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, "resolver"> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({ mode: "onTouched", ...options, resolver: zodResolver(schema) as never });
}

/**
 * Shows the server's per-field issues on their fields. Answers the issues no field took (the caller shows them
 * with the error box). By default a request path maps to the form field of the same name.
 */
export function applyServerIssues<T extends FieldValues>(
  form: UseFormReturn<T, unknown, never> | UseFormReturn<T, unknown, T>,
  error: unknown,
  fieldOf: (path: string) => Path<T> | undefined = (p) => p as Path<T>,
): Issue[] {
  const { placed, rest } = placeIssues(serverIssues(error), fieldOf);
  let first = true;
  for (const [field, message] of placed) {
    form.setError(field as Path<T>, { type: "server", message }, { shouldFocus: first });
    first = false;
  }
  return rest;
}
