import { ArrowRight } from "lucide-react";
import { IntentLink } from "@/components/ui/IntentLink";
import { BrandMark } from "@/components/auth/BrandMark";
import { buttonClass } from "@/components/ui/Button";
import { DEFAULT_ENGINE, HOME_HREF } from "@/lib/routes";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center px-4 py-16 text-center">
      <BrandMark size="lg" className="mb-8" />
      <p className="font-mono text-sm font-medium text-fg-subtle">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-fg">Page not found</h1>
      <p className="mt-2 text-fg-muted">There is nothing at this address: the link may be old, or the volume or page it named is gone.</p>
      <IntentLink href={HOME_HREF} className={buttonClass("primary", "md", "mt-6")}>
        Go to volumes
        <span className="sr-only"> of engine</span>
        {/* The engine is a name, not part of the sentence: set apart, as the engine switcher shows it. */}
        <span className="rounded px-1.5 py-0.5 font-mono text-xs ring-1 ring-on-accent/50 ring-inset">{DEFAULT_ENGINE}</span>
        <ArrowRight aria-hidden className="size-4" />
      </IntentLink>
    </main>
  );
}
