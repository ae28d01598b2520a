import { Download } from "lucide-react";
import { textLinkClass } from "@/components/ui/TextLink";

/** A plain link: the browser streams the download itself (no page JavaScript holds the bytes). */
export function DownloadLink({ href, label, description, className = "" }: { href: string; label: string; description?: string; className?: string }) {
  return (
    <a href={href} download aria-label={description} className={`${textLinkClass} inline-flex items-center gap-1 text-sm ${className}`}>
      <Download aria-hidden className="size-4" />
      {label}
    </a>
  );
}
