import type { ReactNode } from "react";

const tones = {
  slate: "bg-slate-100 text-slate-700 ring-slate-300",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  sky: "bg-sky-50 text-sky-800 ring-sky-300",
  red: "bg-red-50 text-red-800 ring-red-300",
  violet: "bg-violet-50 text-violet-800 ring-violet-300",
};

export function Badge({ tone = "slate", children, title }: { tone?: keyof typeof tones; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}

/** Container state with a colour that says whether it runs. */
export function StateBadge({ state }: { state: string }) {
  const tone = state === "running" ? "green" : state === "paused" || state === "restarting" ? "amber" : state === "dead" ? "red" : "slate";
  return <Badge tone={tone}>{state}</Badge>;
}
