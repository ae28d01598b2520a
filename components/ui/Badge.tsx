import type { ReactNode } from "react";

const tones = {
  slate: "bg-surface-2 text-fg-muted ring-line-strong",
  green: "bg-ok-soft text-ok-fg ring-ok-line",
  amber: "bg-warn-soft text-warn-fg ring-warn-line",
  sky: "bg-accent-soft text-accent-fg ring-accent-line",
  red: "bg-danger-soft text-danger-fg ring-danger-line",
  violet: "bg-info-soft text-info-fg ring-info-line",
};

export function Badge({ tone = "slate", children, title }: { tone?: keyof typeof tones; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex h-5 items-center gap-1 rounded-md px-1.5 text-xs leading-none font-medium whitespace-nowrap ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

/** Container state with a colour that says whether it runs. */
export function StateBadge({ state }: { state: string }) {
  const tone = state === "running" ? "green" : state === "paused" || state === "restarting" ? "amber" : state === "dead" ? "red" : "slate";
  return <Badge tone={tone}>{state}</Badge>;
}
