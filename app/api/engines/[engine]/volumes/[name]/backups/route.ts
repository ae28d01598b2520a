import { createBackupBody, volumeName } from "@/lib/api/schemas";
import { startBackup } from "@/lib/backup/backup";
import { listBackups } from "@/lib/backup/catalog";
import { engineConfig } from "@/lib/docker/clients";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";

type Params = { engine: string; name: string };

/** This volume's backups on this engine (extra), newest first. */
export const GET = handler<Params>(async (_req, { engine, name }) => {
  engineConfig(engine);
  const volume = parseParam(volumeName, name);
  return json({ backups: (await listBackups()).filter((b) => b.engine === engine && b.volume === volume) });
});

export const POST = handler<Params>({ audit: "backup.create" }, async (req, { engine, name }, ctx) => {
  const volume = parseParam(volumeName, name);
  const body = await readJson(req, createBackupBody);
  const job = await startBackup(engine, volume, body);
  ctx.audit.job = job.id;
  return json({ job }, 202);
});
