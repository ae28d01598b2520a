"use client";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/Button";

// A crash inside a page shows this instead of a blank screen; the details stay in the browser console.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center px-4 py-16 text-center">
      <TriangleAlert aria-hidden className="mb-4 size-10 text-warn" />
      <h1 className="text-2xl font-semibold text-fg">Something went wrong on this page</h1>
      <p className="mt-2 text-fg-muted">Your volumes were not touched. Try again; if it keeps happening, reload the page.</p>
      <Button variant="primary" className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
