import "server-only";
import { listRawContainers } from "@/lib/docker/containers";
import { getVolume } from "@/lib/docker/volumes";
import { isHelperContainer } from "@/lib/docker/mapping";
import { suggestRecipe, type Recipe } from "./recipes";

/** Recipes for the containers that mount the volume (404 when there is no such volume). */
export async function hookRecipes(engineId: string, volume: string): Promise<Recipe[]> {
  await getVolume(engineId, volume);
  const recipes: Recipe[] = [];
  for (const c of await listRawContainers(engineId)) {
    if (isHelperContainer(c)) continue;
    const mount = (c.Mounts ?? []).find((m) => m.Type === "volume" && m.Name === volume);
    if (!mount) continue;
    const recipe = suggestRecipe({ name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""), image: c.Image ?? "", destination: mount.Destination });
    if (recipe) recipes.push(recipe);
  }
  return recipes.sort((a, b) => a.container.localeCompare(b.container));
}
