import type { LucideIcon } from "lucide-react";
import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";
type Size = "sm" | "md";

// Every variant fades when disabled (a secondary button that only greyed its text looked active next to a faded
// primary one), and a disabled button does not light up under the pointer.
const styles: Record<Variant, string> = {
  primary: "bg-accent-strong text-on-accent shadow-sm hover:bg-accent disabled:opacity-55",
  secondary:
    "border border-line-strong bg-surface text-fg shadow-sm hover:bg-surface-2 disabled:bg-surface disabled:text-fg-subtle disabled:opacity-55 disabled:shadow-none",
  danger: "bg-danger-strong text-on-accent shadow-sm hover:bg-danger disabled:opacity-55",
  ghost: "text-fg-muted hover:bg-surface-2 hover:text-fg disabled:bg-transparent disabled:text-fg-subtle disabled:opacity-55",
};

const sizes: Record<Size, string> = {
  sm: "h-7 gap-1 px-2 text-xs",
  md: "h-8 gap-1.5 px-3 text-sm",
};

/** The class of a button, for a link that looks like one (`<Link className={buttonClass("primary")}>`). */
export function buttonClass(variant: Variant = "secondary", size: Size = "md", className = ""): string {
  return `inline-flex shrink-0 items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed ${sizes[size]} ${styles[variant]} ${className}`;
}

/**
 * The console's one button: primary (the page's main action), secondary, danger (destroys something), ghost
 * (quiet, in rows and toolbars). `icon`: a lucide icon before the label (decorative: the label names it).
 */
export function Button({
  variant = "secondary",
  size = "md",
  icon: Icon,
  className = "",
  type = "button",
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size; icon?: LucideIcon }) {
  return (
    <button type={type} className={buttonClass(variant, size, className)} {...props}>
      {Icon && <Icon aria-hidden className={size === "sm" ? "size-3.5" : "size-4"} />}
      {children}
    </button>
  );
}
