import { formatDateTime, formatRelative } from "@/lib/format";

/** An instant as UTC date and time, with "3 minutes ago" on hover; "—" for none. */
export function Time({ iso, empty = "—" }: { iso: string | null | undefined; empty?: string }) {
  if (!iso) return <span className="text-fg-subtle">{empty}</span>;
  return (
    <time dateTime={iso} title={formatRelative(iso)} className="whitespace-nowrap tabular-nums">
      {formatDateTime(iso)}
    </time>
  );
}
