import Link from "next/link";
import type { ComponentProps } from "react";

/** Links inside text and tables: underlined, so they are told apart from plain text without colour. */
export const textLinkClass = "font-medium text-sky-800 underline decoration-sky-300 underline-offset-2 hover:decoration-sky-800";

export function TextLink({ className = "", ...props }: ComponentProps<typeof Link>) {
  return <Link className={`${textLinkClass} ${className}`} {...props} />;
}
