/**
 * The console's mark (the "V" square) and its name, as the sidebar shows them (components/shell/Sidebar.tsx),
 * for the pages outside the shell: sign-in, setup and "page not found". Not a link: those pages have nowhere
 * better to send a click than where they already offer to go.
 */
export function BrandMark({ size = "md", className = "" }: { size?: "md" | "lg"; className?: string }) {
  const large = size === "lg";
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight text-fg ${large ? "text-xl" : "text-base"} ${className}`}>
      <span
        aria-hidden
        className={`grid shrink-0 place-items-center rounded-md bg-accent font-bold text-on-accent ${large ? "size-9 text-base" : "size-7 text-sm"}`}
      >
        V
      </span>
      Voldeck
    </span>
  );
}
