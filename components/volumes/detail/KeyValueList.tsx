/** `key=value` lines, as `docker volume inspect` users know them; "none" when empty. */
export function KeyValueList({ entries, label }: { entries: Record<string, unknown>; label: string }) {
  const pairs = Object.entries(entries).sort(([a], [b]) => a.localeCompare(b));
  if (pairs.length === 0) return <p className="text-sm text-fg-muted">none</p>;
  return (
    <ul aria-label={label} className="space-y-1 text-sm">
      {pairs.map(([key, value]) => (
        <li key={key} className="[overflow-wrap:anywhere] font-mono text-[13px] leading-5">
          <span className="text-fg">{key}</span>
          <span className="text-fg-subtle">=</span>
          <span className="text-fg-muted">{typeof value === "string" ? value : JSON.stringify(value)}</span>
        </li>
      ))}
    </ul>
  );
}
