// The upload form's schema: the archive picked and the volume name, the latter checked by the very schema the
// server parses POST /api/backups?volume= with (uploadQuery), so the browser refuses what the server would.
import { z } from "zod";
import { uploadQuery } from "@/lib/api/schemas";

export const NO_ARCHIVE = "Choose an archive first.";
export const EMPTY_ARCHIVE = "This file is empty: choose a tar or tar.gz archive.";

// `File` is checked by duck type, not `instanceof`: the module is also evaluated on the server while rendering.
const isFile = (v: unknown): v is File => typeof v === "object" && v !== null && typeof (v as File).name === "string" && typeof (v as File).size === "number";

export const uploadFormSchema = z.object({
  // null until a file is picked; the output is always a File (the refine refuses null with NO_ARCHIVE).
  file: z
    .custom<File | null>((v) => v === null || isFile(v))
    .refine((f) => f !== null, NO_ARCHIVE)
    .refine((f) => f === null || f.size > 0, EMPTY_ARCHIVE)
    .transform((f) => f as File),
  volume: z.string().trim().pipe(uploadQuery.shape.volume),
});

export type UploadFormInput = z.input<typeof uploadFormSchema>;
export type UploadFormValues = z.output<typeof uploadFormSchema>;
export const emptyUploadForm: UploadFormInput = { file: null, volume: "" };

/** A request path of the server's 400 answer → the field that shows it (the query's `volume`). */
export const uploadFieldOf = (path: string): keyof UploadFormInput | undefined => (path === "volume" ? "volume" : undefined);
