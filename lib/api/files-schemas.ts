// Query parameters of the file browser's routes (API.md "Inside volumes"; extras in docs/API-EXTENSIONS.md).
import { z } from "zod";

const dataPath = z.enum(["auto", "direct", "archive"]).optional();
const path = z.string().max(4096, "The path is longer than 4096 characters.").optional();

export const filesQuery = z.object({
  path,
  cursor: z.string().max(8192).optional(),
  sort: z.enum(["name", "size", "mtime"]).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  filter: z.string().max(200, "The filter has at most 200 characters.").default(""),
  dataPath,
});

export const contentQuery = z.object({
  path,
  preview: z.enum(["0", "1", "true", "false"]).optional(),
  dataPath,
});
