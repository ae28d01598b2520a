import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const styles: Record<Variant, string> = {
  primary: "bg-accent-strong text-on-accent hover:bg-accent-strong disabled:bg-accent-line",
  secondary: "bg-surface text-fg border border-line-strong hover:bg-surface-2 disabled:text-fg-subtle",
  danger: "bg-danger-strong text-on-accent hover:bg-danger-strong disabled:bg-danger-line",
  ghost: "text-fg-muted hover:bg-surface-3 disabled:text-fg-subtle",
};

export function Button({ variant = "secondary", className = "", type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={`inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed ${styles[variant]} ${className}`}
      {...props}
    />
  );
}
