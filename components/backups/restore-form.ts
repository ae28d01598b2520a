// Pure: the restore dialog's fields, their zod schema (the server's volume-name rule, lib/api/schemas.ts), the
// API body built from them, and where a server refusal shows. Unit-tested.
import { z } from "zod";
import { isApiError } from "@/lib/api/error";
import { volumeName, type RestoreBody } from "@/lib/api/schemas";
import type { Backup } from "@/lib/api/types";

export const CHOOSE_A_VOLUME = "Choose the volume to replace.";

export const restoreForm = z
  .object({
    engine: z.string().min(1),
    mode: z.enum(["new", "replace"]),
    newName: z.string(),
    replaceName: z.string(),
    stop: z.boolean(),
    allowDevices: z.boolean(),
    keepComposeLabels: z.boolean(),
  })
  .superRefine((v, ctx) => {
    // Only the field of the chosen mode counts: a bad name typed before switching to "replace" does not block it.
    if (v.mode === "replace") {
      if (!v.replaceName) ctx.addIssue({ code: "custom", path: ["replaceName"], message: CHOOSE_A_VOLUME });
      return;
    }
    for (const issue of volumeName.safeParse(v.newName.trim()).error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["newName"], message: issue.message });
  });
export type RestoreFormValues = z.input<typeof restoreForm>;

/** The defaults: into a new volume "<volume>-restored" on the engine the backup was taken on. */
export const initialRestoreForm = (b: Backup): RestoreFormValues => ({
  engine: b.engine ?? "local",
  mode: "new",
  newName: `${b.volume}-restored`,
  replaceName: "",
  stop: false,
  allowDevices: false,
  keepComposeLabels: false,
});

export const restoreTarget = (v: RestoreFormValues) => (v.mode === "new" ? v.newName.trim() : v.replaceName);

export function toRestoreBody(v: RestoreFormValues): RestoreBody {
  return {
    engine: v.engine,
    volume: restoreTarget(v),
    mode: v.mode,
    stopContainers: v.mode === "replace" && v.stop,
    allowDevices: v.allowDevices,
    ...(v.mode === "new" && v.keepComposeLabels ? { keepComposeLabels: true } : {}),
  };
}

/** A request path of the server's 400 answer → the field that shows it. */
export function restoreFieldOf(path: string, mode: RestoreFormValues["mode"]): keyof RestoreFormValues | undefined {
  if (path === "volume") return mode === "new" ? "newName" : "replaceName";
  return path === "engine" ? "engine" : undefined;
}

/** A new name already taken on the target engine (409): a problem of the name field, not of the whole restore. */
export const nameTaken = (error: unknown, mode: RestoreFormValues["mode"]) =>
  mode === "new" && isApiError(error) && error.code === "conflict" && /already exists/.test(error.message);
