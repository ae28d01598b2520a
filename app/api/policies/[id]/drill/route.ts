import { handler, json } from "@/lib/http/handler";
import { startDrill } from "@/lib/drills/run";
import { getPolicy } from "@/lib/policies/store";

/**
 * Starts the policy's restore drill now (whether or not it has a drill schedule): 202 `{"job"}`. The job restores
 * each selected volume's newest backup into a scratch volume, compares, runs the drill's check, removes the
 * scratch volume; 409 while a drill of this policy is running.
 */
export const POST = handler<{ id: string }>({ audit: "policy.drill" }, async (_req, { id }, ctx) => {
  const p = getPolicy(id);
  const job = await startDrill(p, { trigger: "manual", actor: ctx.principal?.username ?? null });
  ctx.audit.job = job.id;
  ctx.audit.volumes = job.drill?.length ?? 0;
  return json({ job }, 202);
});
