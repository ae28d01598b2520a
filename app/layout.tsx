import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { THEME_SCRIPT } from "@/components/shell/theme";
import { Providers } from "./providers";
// Sonner's own CSS, served from here: the copy it injects as a <style> element at run time carries no nonce,
// so the CSP (scripts/server/edge.mjs) refuses it.
import "sonner/dist/styles.css";
import "./globals.css";

// Every page is rendered per request, so Next.js can put the CSP nonce (scripts/start.mjs) on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Voldeck",
  description: "Docker volumes and mounts, sized, backed up and cleaned up safely.",
};

/** The per-request nonce scripts/start.mjs put into the request's CSP header (as Next.js reads it too). */
async function cspNonce(): Promise<string | undefined> {
  const csp = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([^']+)'/.exec(csp)?.[1];
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = await cspNonce();
  return (
    // The theme script sets <html>'s class and data attributes before React hydrates: they differ from
    // the server's by design.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Inline and first in <head>: the stored theme applies before the first paint (no light flash). */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
