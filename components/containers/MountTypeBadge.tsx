import { Badge } from "@/components/ui/Badge";
import type { Mount } from "@/lib/api/types";
import { mountKind } from "./filter";

const looks = {
  named: { tone: "sky", label: "named volume", hint: "A volume with a name of its own, kept until someone removes it." },
  anonymous: { tone: "violet", label: "anonymous volume", hint: "A volume the engine created and named itself for an unnamed mount." },
  bind: { tone: "amber", label: "bind", hint: "A directory or file of the host, mounted as it is." },
  tmpfs: { tone: "slate", label: "tmpfs", hint: "Memory only: gone when the container stops." },
} as const;

export function MountTypeBadge({ mount }: { mount: Mount }) {
  const kind = mountKind(mount);
  if (kind === "other") return <Badge title={`Mount type "${mount.type}"`}>{mount.type}</Badge>;
  const { tone, label, hint } = looks[kind];
  return (
    <Badge tone={tone} title={hint}>
      <span className="whitespace-nowrap">{label}</span>
    </Badge>
  );
}
