import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

// One table style for the whole console. The wrapper scrolls sideways rather than letting a wide table
// push the page wider than the screen. It is positioned (relative) so that absolutely placed descendants (the
// sr-only texts of far-right cells) are clipped by it too, instead of widening the page; and it is focusable,
// so a keyboard can scroll it (a scroll region with nothing focusable in it is unreachable otherwise). A table
// with many columns gets a minimum width (className `min-w-…`): on a phone it then scrolls, with a shadow at the
// edge that has more, rather than squeezing each column to a few letters per line.

export function Table({ caption, children, className = "" }: { caption?: string; children: ReactNode; className?: string }) {
  return (
    <div
      className="vd-scroll-shadows relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-accent"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className={`w-full border-collapse text-left text-sm ${className}`}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-line bg-surface-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`px-3 py-2 font-semibold ${className}`} {...props} />;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-line">{children}</tbody>;
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-3 py-2 align-top ${className}`} {...props} />;
}
