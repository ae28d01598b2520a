import Link from "next/link";
import { HOME_HREF } from "@/lib/routes";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-fg-muted">There is nothing at this address.</p>
      <Link href={HOME_HREF} className="mt-6 inline-block font-medium text-accent-fg hover:underline">
        Go to the volumes of engine local
      </Link>
    </main>
  );
}
