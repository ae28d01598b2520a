import { IntentLink } from "@/components/ui/IntentLink";
import type { Role } from "@/lib/auth/roles";
import { HOME_HREF } from "@/lib/routes";

/** What a signed-in non-admin sees on an admin page (the API refuses them anyway). */
export function AdminForbidden({ role }: { role: Role }) {
  return (
    <section aria-labelledby="forbidden-heading" className="mx-auto max-w-xl rounded-lg border border-line bg-surface px-6 py-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-fg-subtle">403</p>
      <h1 id="forbidden-heading" className="mt-1 text-xl font-semibold">
        Admins only
      </h1>
      <p className="mt-2 text-sm text-fg-muted">
        Users, API tokens and the audit trail are for admins; you are signed in as {role === "operator" ? "an" : "a"} {role}.
      </p>
      <IntentLink href={HOME_HREF} className="mt-4 inline-block text-sm font-medium text-accent-fg underline">
        Back to the volumes
      </IntentLink>
    </section>
  );
}
