import { IntentLink } from "@/components/ui/IntentLink";
import type { ComponentProps } from "react";

/** Links inside text and tables: underlined, so they are told apart from plain text without colour. */
export const textLinkClass = "font-medium text-accent-fg underline decoration-accent-line underline-offset-2 hover:decoration-accent-fg";

export function TextLink({ className = "", ...props }: ComponentProps<typeof IntentLink>) {
  return <IntentLink className={`${textLinkClass} ${className}`} {...props} />;
}
