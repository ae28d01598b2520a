import type { ClusterVolume } from "@/lib/api/types";

/** A cluster (CSI) volume's Swarm side: its group, access mode, availability and where it is published. */
export function ClusterVolumeInfo({ cluster }: { cluster: ClusterVolume }) {
  const facts: [string, string][] = [
    ["Cluster volume id", cluster.id || "—"],
    ["Group", cluster.group ?? "—"],
    ["Access", [cluster.scope && `${cluster.scope}-node`, cluster.sharing && `sharing ${cluster.sharing}`].filter(Boolean).join(", ") || "—"],
    ["Availability", cluster.availability ?? "—"],
    ["Published on", cluster.publishedOn.map((p) => `${p.nodeId.slice(0, 12)} (${p.state})`).join(", ") || "no node"],
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-fg-muted">{term}</dt>
          <dd className="[overflow-wrap:anywhere] text-fg">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
