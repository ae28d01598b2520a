import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

// Every page is rendered per request, so Next.js can put the CSP nonce (scripts/start.mjs) on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Voldeck",
  description: "Docker volumes and mounts, sized, backed up and cleaned up safely.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
