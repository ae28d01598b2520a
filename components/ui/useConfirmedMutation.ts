"use client";
import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useState } from "react";

/**
 * A destructive mutation behind a ConfirmDialog: `ask(target)` opens it, confirming runs the mutation on
 * `variables(target)`, success closes it, and closing forgets the last refusal so the next opening starts clean.
 * Spread `dialog` into <ConfirmDialog>.
 */
export function useConfirmedMutation<T, TData, TVariables>(options: UseMutationOptions<TData, Error, TVariables>, variables: (target: T) => TVariables) {
  const [target, setTarget] = useState<T | null>(null);
  const mutation = useMutation({ ...options, onSuccess: () => setTarget(null) });
  const dialog = {
    open: target !== null,
    pending: mutation.isPending,
    error: mutation.error,
    onConfirm: () => {
      if (target !== null) mutation.mutate(variables(target));
    },
    onClose: () => {
      mutation.reset();
      setTarget(null);
    },
  };
  return { target, ask: setTarget, dialog };
}
