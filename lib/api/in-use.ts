import { isApiError } from "./error";

/** A container that holds a volume, as an `in_use` refusal names it. */
export type Holder = { name: string; state: string };

/**
 * The containers an `in_use` refusal names (empty when it names none, e.g. a Voldeck job holds the volume);
 * null for any other outcome, so a dialog can tell "in use" from every other error.
 */
export function inUseHolders(error: unknown): Holder[] | null {
  return isApiError(error) && error.code === "in_use" ? ((error.details.containers as Holder[] | undefined) ?? []) : null;
}
