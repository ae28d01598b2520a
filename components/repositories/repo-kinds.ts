// The five kinds of repository: a short label, an icon, and how a location of that kind is written
// (API.md "Repositories").
import { Cable, Cloud, Folder, Globe, Server, type LucideIcon } from "lucide-react";
import type { RepoKind } from "@/lib/api/repository-types";

export const KIND_META: Record<RepoKind, { label: string; icon: LucideIcon; placeholder: string; hint: string }> = {
  local: {
    label: "Local path",
    icon: Folder,
    placeholder: "/srv/restic/volumes",
    hint: "An absolute path on the console's host; best on another disk than the volumes (a mounted backup disk or NAS share).",
  },
  sftp: {
    label: "SFTP",
    icon: Server,
    placeholder: "backup@nas.lan:/srv/restic",
    hint: "user@host[:port]:/absolute/path. The host key is pinned at the first connection.",
  },
  s3: {
    label: "S3",
    icon: Cloud,
    placeholder: "https://s3.eu-central-1.amazonaws.com/bucket/prefix",
    hint: "https://endpoint/bucket[/prefix], any S3-compatible service.",
  },
  rest: {
    label: "REST server",
    icon: Globe,
    placeholder: "https://restic.example:8000/volumes",
    hint: "A restic REST server (rest-server, rclone serve restic): http(s)://host:port/[path].",
  },
  rclone: { label: "rclone", icon: Cable, placeholder: "remote:restic/volumes", hint: "remote:path, the remote defined in the rclone configuration below." },
};
