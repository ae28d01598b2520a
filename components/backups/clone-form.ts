// Pure: the "Copy or move…" dialog's fields, their zod schema (the server's volume-name rule, lib/api/schemas.ts,
// plus "not onto itself"), and the API's clone body built from them. Unit-tested.
import { z } from "zod";
import { volumeName, type CloneBody } from "@/lib/api/schemas";

export const ONTO_ITSELF = "That is the volume itself: choose another name, or another engine.";

/** The schema for copying `source` from `engine`: the new name must be valid, and not the source on its own engine. */
export function cloneFormSchema(engine: string, source: string) {
  return z
    .object({
      mode: z.enum(["copy", "move"]),
      targetEngine: z.string().min(1),
      targetName: z.string(),
      confirmMove: z.boolean(),
      fullCheck: z.boolean(),
      stop: z.boolean(),
      keepCompose: z.boolean(),
    })
    .superRefine((v, ctx) => {
      const name = v.targetName.trim();
      const issues = volumeName.safeParse(name).error?.issues ?? [];
      for (const issue of issues) ctx.addIssue({ code: "custom", path: ["targetName"], message: issue.message });
      if (!issues.length && v.targetEngine === engine && name === source) ctx.addIssue({ code: "custom", path: ["targetName"], message: ONTO_ITSELF });
    });
}
export type CloneFormValues = z.input<ReturnType<typeof cloneFormSchema>>;

/** The name proposed for a copy: "<name>-copy" on the same engine, the same name on another (unless one was typed). */
export const defaultCloneName = (source: string, engine: string, targetEngine: string) => (targetEngine === engine ? `${source}-copy` : source);

export const initialCloneForm = (engine: string, source: string): CloneFormValues => ({
  mode: "copy",
  targetEngine: engine,
  targetName: defaultCloneName(source, engine, engine),
  confirmMove: false,
  fullCheck: false,
  stop: false,
  keepCompose: false,
});

/** The body of POST …/clone. `anyRunning`: some container uses the source now (only then may it be stopped). */
export function toCloneBody(v: CloneFormValues, engine: string, source: string, anyRunning: boolean): { source: string } & CloneBody {
  const elsewhere = v.targetEngine !== engine;
  const move = v.mode === "move";
  return {
    source,
    targetName: v.targetName.trim(),
    ...(elsewhere ? { targetEngine: v.targetEngine } : {}),
    ...(elsewhere && v.fullCheck && !move ? { verify: "full" as const } : {}),
    ...(move ? { move: true } : { stopContainers: anyRunning && v.stop, keepComposeLabels: v.keepCompose }),
  };
}

/** A request path of the server's 400 answer → the field that shows it. */
export const cloneFieldOf = (path: string): "targetName" | "targetEngine" | undefined => (path === "targetName" || path === "targetEngine" ? path : undefined);
