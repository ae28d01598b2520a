import { Compass } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/Button";
import { HOME_HREF } from "@/lib/routes";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center px-4 py-16 text-center">
      <Compass aria-hidden className="mb-4 size-10 text-fg-subtle" />
      <h1 className="text-2xl font-semibold text-fg">Page not found</h1>
      <p className="mt-2 text-fg-muted">There is nothing at this address.</p>
      <Link href={HOME_HREF} className={buttonClass("primary", "md", "mt-6")}>
        Go to the volumes of engine local
      </Link>
    </main>
  );
}
