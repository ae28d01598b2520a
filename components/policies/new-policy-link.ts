// The link that opens the policy form prefilled for one volume (the volume page's "create one"): pure, so the
// volume page and the policies list agree on it. Unit-tested.
import { COVERAGE_HREF } from "@/lib/routes";
import type { PolicyFormValues } from "./policy-form";

export const NEW_POLICY_PARAM = "newPolicy";

export const newPolicyHref = (engine: string, volume: string) => `${COVERAGE_HREF}?${NEW_POLICY_PARAM}=${encodeURIComponent(`${engine}/${volume}`)}`;

/** `engine/volume` → the form's draft: that engine, that exact name. Anything else → an empty form. */
export function draftFor(value: string): Partial<PolicyFormValues> {
  const slash = value.indexOf("/");
  if (slash < 1 || slash === value.length - 1) return {};
  const engine = value.slice(0, slash);
  const volume = value.slice(slash + 1);
  // A name is matched as a pattern: the characters a pattern gives meaning to are bracketed to stand for themselves.
  const pattern = volume.replace(/[*?[\]]/g, (c) => `[${c}]`);
  return { name: `Back up ${volume}`, allEngines: false, engines: [engine], namePattern: pattern };
}
