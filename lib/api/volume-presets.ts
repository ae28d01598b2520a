// The create-volume form's presets and its schema: each preset's labelled fields become the local driver's
// options (`type`, `o`, `device`) exactly as `docker volume create --opt …` takes them. Shared by the form (zod
// resolver) and its tests; the request it builds is checked again by the server with `createVolumeBody`.
import { z } from "zod";
import { volumeName, type CreateVolumeBody } from "./schemas";

export const VOLUME_PRESETS = ["local", "nfs", "cifs", "tmpfs", "bind", "custom"] as const;
export type VolumePreset = (typeof VOLUME_PRESETS)[number];

export const PRESET_LABELS: Record<VolumePreset, string> = {
  local: "Local",
  nfs: "NFS",
  cifs: "CIFS / SMB",
  tmpfs: "tmpfs (memory)",
  bind: "Bind a host directory",
  custom: "Other driver or options",
};

// `o` is one comma-separated list: a value with a comma (or '=') would split into options nobody asked for.
const optionValue = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[^,=\s]*$/, `${what} cannot contain commas, '=' or spaces.`);
const required = (s: string) => s.length > 0;
const pair = z.object({ key: z.string(), value: z.string() });

export const volumeFormSchema = z
  .object({
    name: z.union([z.literal(""), volumeName]),
    preset: z.enum(VOLUME_PRESETS),
    nfs: z.object({
      server: optionValue("The server"),
      path: z.string().trim(),
      version: z.enum(["", "3", "4", "4.1", "4.2"]),
      readOnly: z.boolean(),
    }),
    cifs: z.object({
      server: optionValue("The server"),
      share: z.string().trim(),
      username: optionValue("The user name"),
      password: z.string().regex(/^[^,]*$/, "The password cannot contain a comma (the driver splits its options at commas)."),
      version: z.enum(["", "1.0", "2.0", "2.1", "3.0", "3.1.1"]),
    }),
    tmpfs: z.object({
      size: z
        .string()
        .trim()
        .regex(/^(\d+[kmg]?)?$/i, "A size like 64m, 1g or 4096 (bytes)."),
      mode: z
        .string()
        .trim()
        .regex(/^([0-7]{3,4})?$/, "Octal, like 1777 or 0755."),
    }),
    bind: z.object({ path: z.string().trim() }),
    driver: z.string().trim(),
    options: z.array(pair),
    labels: z.array(pair),
  })
  .superRefine((v, ctx) => {
    const need = (ok: boolean, path: (string | number)[], message: string) => ok || ctx.addIssue({ code: "custom", path, message });
    if (v.preset === "nfs") {
      need(required(v.nfs.server), ["nfs", "server"], "Give the NFS server's host name or address.");
      need(v.nfs.path.startsWith("/"), ["nfs", "path"], "Give the exported directory, an absolute path like /exports/data.");
    }
    if (v.preset === "cifs") {
      need(required(v.cifs.server), ["cifs", "server"], "Give the SMB server's host name or address.");
      need(/^[^/\\\s][^\\]*$/.test(v.cifs.share), ["cifs", "share"], "Give the share's name, like backup or data/sub.");
    }
    if (v.preset === "bind") need(v.bind.path.startsWith("/"), ["bind", "path"], "Give an absolute host path, like /srv/data.");
    if (v.preset === "custom") need(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/.test(v.driver), ["driver"], "A driver name has letters, digits and '_.:/-'.");
    for (const field of ["options", "labels"] as const) {
      if (field === "options" && v.preset !== "custom") continue;
      const keys = v[field].map((p) => p.key.trim()).filter(Boolean);
      if (keys.some((k) => !/^[^=\s]+$/.test(k))) need(false, [field], "A key has no spaces or '='.");
      else if (new Set(keys).size !== keys.length) need(false, [field], "Each key may appear only once.");
    }
  });

export type VolumeFormValues = z.input<typeof volumeFormSchema>;

export const emptyVolumeForm: VolumeFormValues = {
  name: "",
  preset: "local",
  nfs: { server: "", path: "", version: "4", readOnly: false },
  cifs: { server: "", share: "", username: "", password: "", version: "3.0" },
  tmpfs: { size: "", mode: "" },
  bind: { path: "" },
  driver: "local",
  options: [],
  labels: [],
};

const record = (pairs: { key: string; value: string }[]) => Object.fromEntries(pairs.filter((p) => p.key.trim()).map((p) => [p.key.trim(), p.value]));
const list = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(",");

/** The local driver's options a preset stands for. */
export function presetDriverOpts(v: z.output<typeof volumeFormSchema>): Record<string, string> {
  switch (v.preset) {
    case "nfs":
      return {
        type: "nfs",
        o: list(`addr=${v.nfs.server}`, v.nfs.readOnly ? "ro" : "rw", v.nfs.version && `nfsvers=${v.nfs.version}`),
        device: `:${v.nfs.path}`,
      };
    case "cifs":
      return {
        type: "cifs",
        o: list(
          `addr=${v.cifs.server}`,
          v.cifs.username && `username=${v.cifs.username}`,
          v.cifs.password && `password=${v.cifs.password}`,
          v.cifs.version && `vers=${v.cifs.version}`,
        ),
        device: `//${v.cifs.server}/${v.cifs.share.replace(/^\/+/, "")}`,
      };
    case "tmpfs": {
      const o = list(v.tmpfs.size && `size=${v.tmpfs.size}`, v.tmpfs.mode && `mode=${v.tmpfs.mode}`);
      return { type: "tmpfs", device: "tmpfs", ...(o ? { o } : {}) };
    }
    case "bind":
      return { type: "none", o: "bind", device: v.bind.path };
    case "custom":
      return record(v.options);
    default:
      return {};
  }
}

/** The `POST …/volumes` body the form's values stand for. */
export function toCreateVolumeBody(v: z.output<typeof volumeFormSchema>): CreateVolumeBody {
  return {
    ...(v.name ? { name: v.name } : {}),
    driver: v.preset === "custom" ? v.driver : "local",
    driverOpts: presetDriverOpts(v),
    labels: record(v.labels),
  };
}
