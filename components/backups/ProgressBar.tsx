// A native <progress>: its role is progressbar and its value is what assistive technology reads; aria-valuetext
// adds the bytes. `percent` null keeps it indeterminate (no value), which is the truth when the total is unknown;
// it pulses then, since a styled indeterminate bar draws nothing by itself.
const tones = {
  active: "[&::-webkit-progress-value]:bg-accent [&::-moz-progress-bar]:bg-accent",
  done: "[&::-webkit-progress-value]:bg-ok [&::-moz-progress-bar]:bg-ok",
  failed: "[&::-webkit-progress-value]:bg-danger [&::-moz-progress-bar]:bg-danger",
};

export function ProgressBar({
  label,
  percent,
  text,
  tone = "active",
  thin = false,
}: {
  label: string;
  percent: number | null;
  text?: string;
  tone?: keyof typeof tones;
  thin?: boolean;
}) {
  return (
    <progress
      aria-label={label}
      max={100}
      value={percent ?? undefined}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={text ? (percent !== null ? `${percent}%, ${text}` : text) : undefined}
      className={`block w-full overflow-hidden rounded-full bg-surface-3 [&::-webkit-progress-bar]:bg-surface-3 ${thin ? "h-1.5" : "h-2.5"} ${tones[tone]} ${percent === null && tone === "active" ? "animate-pulse" : ""}`}
    />
  );
}
