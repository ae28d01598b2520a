/**
 * Short facts on a line ("local · read from the volume's folder"), wrapping between facts, not inside one (a flex
 * item moves to the next line whole; only a fact wider than the whole box wraps inside itself). The
 * "·" sits in the gap beside each fact, on the side away from the line's aligned edge, and the box clips at that
 * edge: a fact that begins (or, aligned right, ends) a line has its dot cut off, so no dot is left hanging.
 */
export function FactList({ items, align = "start" }: { items: string[]; align?: "start" | "end" }) {
  const dot =
    align === "start"
      ? "before:absolute before:right-full before:w-2.5 before:text-center before:content-['·']"
      : "after:absolute after:left-full after:w-2.5 after:text-center after:content-['·']";
  return (
    <div className={`flex flex-wrap gap-x-2.5 overflow-hidden text-xs text-fg-muted ${align === "end" ? "justify-end" : ""}`}>
      {items.map((item) => (
        <span key={item} className={`relative max-w-full ${dot}`}>
          {item}
        </span>
      ))}
    </div>
  );
}
