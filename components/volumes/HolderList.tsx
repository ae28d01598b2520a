import type { Holder } from "@/lib/api/in-use";

/** The containers that hold a volume, inside an amber "in use" alert. */
export function HolderList({ holders }: { holders: Holder[] }) {
  return (
    <ul className="mt-1 list-inside list-disc">
      {holders.map((h) => (
        <li key={h.name}>
          {h.name} <span className="text-warn-fg">({h.state})</span>
        </li>
      ))}
    </ul>
  );
}
