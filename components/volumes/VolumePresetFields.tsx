"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/form/Field";
import { PRESET_LABELS, VOLUME_PRESETS, type VolumeFormValues, type VolumePreset } from "@/lib/api/volume-presets";

/** The kind of volume: one radio per preset, shown as a segmented row; bind only for admins (the server agrees). */
export function PresetPicker({ canBind }: { canBind: boolean }) {
  const { register } = useFormContext<VolumeFormValues>();
  const presets = VOLUME_PRESETS.filter((p) => p !== "bind" || canBind);
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-fg">Kind</legend>
      <div className="flex flex-wrap gap-1.5">
        {presets.map((p) => (
          <label
            key={p}
            className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-line-strong px-2.5 py-1 text-sm text-fg has-checked:border-accent has-checked:bg-accent-soft has-checked:text-accent-fg"
          >
            <input type="radio" value={p} {...register("preset")} className="size-3.5 accent-accent" />
            {PRESET_LABELS[p]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const grid = "grid gap-3 sm:grid-cols-2";

/** The labelled fields of the chosen preset; what they become is in lib/api/volume-presets.ts. */
export function PresetFields() {
  const preset = useWatch<VolumeFormValues, "preset">({ name: "preset" }) as VolumePreset;
  const { register } = useFormContext<VolumeFormValues>();
  switch (preset) {
    case "nfs":
      return (
        <div className={grid}>
          <TextField name="nfs.server" label="NFS server" placeholder="nas.example.lan" hint="Host name or address." />
          <TextField name="nfs.path" label="Exported directory" placeholder="/exports/data" hint="As the server exports it." />
          <SelectField
            name="nfs.version"
            label="NFS version"
            options={[{ value: "", label: "Let the client choose" }, ...["3", "4", "4.1", "4.2"].map((v) => ({ value: v, label: `NFSv${v}` }))]}
          />
          <label className="flex items-center gap-2 self-center text-sm text-fg">
            <input type="checkbox" {...register("nfs.readOnly")} className="size-4" /> Mount read-only
          </label>
          <p className="text-xs text-fg-muted sm:col-span-2">
            The volume is made now; the share is mounted when a container first uses it, so a wrong address shows only then.
          </p>
        </div>
      );
    case "cifs":
      return (
        <div className={grid}>
          <TextField name="cifs.server" label="SMB server" placeholder="files.example.lan" />
          <TextField name="cifs.share" label="Share" placeholder="backup" hint="Its name, optionally with a sub-directory." />
          <TextField name="cifs.username" label="User name" autoComplete="off" />
          <TextField
            name="cifs.password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="Kept in the volume's options: anyone who can inspect the volume on this engine sees it."
          />
          <SelectField
            name="cifs.version"
            label="SMB protocol version"
            options={[{ value: "", label: "Let the client choose" }, ...["3.1.1", "3.0", "2.1", "2.0", "1.0"].map((v) => ({ value: v, label: `SMB ${v}` }))]}
          />
        </div>
      );
    case "tmpfs":
      return (
        <div className={grid}>
          <TextField name="tmpfs.size" label="Size limit" placeholder="64m" hint="Like 64m or 1g; empty: half of the memory." />
          <TextField name="tmpfs.mode" label="Mode" placeholder="1777" hint="Octal permissions of its root directory." />
          <p className="text-xs text-fg-muted sm:col-span-2">Memory only: its contents are gone when the last container using it stops.</p>
        </div>
      );
    case "bind":
      return (
        <div className="space-y-2">
          <TextField
            name="bind.path"
            label="Host directory"
            placeholder="/srv/data"
            hint="An existing directory on the engine's host; the volume shows its files as they are."
          />
        </div>
      );
    default:
      return null;
  }
}
