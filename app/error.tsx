"use client";
import { Button } from "@/components/ui/Button";

// A crash inside a page shows this instead of a blank screen; the details stay in the browser console.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong on this page</h1>
      <p className="mt-2 text-fg-muted">Your volumes were not touched. Try again; if it keeps happening, reload the page.</p>
      <Button variant="primary" className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
