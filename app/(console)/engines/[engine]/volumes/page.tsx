import { firstScreen } from "@/components/volumes/list/first-screen";
import { VolumesPage } from "@/components/volumes/VolumesPage";
import { requireSession } from "@/lib/auth/page-session";
import { volumeListWithPage } from "@/lib/backup/volume-list-answer";

export const metadata = { title: "Volumes · Voldeck" };

type Props = { params: Promise<{ engine: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const { engine } = await params;
  const id = decodeURIComponent(engine);
  // Checked here as well as in the layout: the two render side by side, so the list is read only for a session.
  const me = await requireSession();
  const answer = await volumeListWithPage(id, me.role);
  // Only the first screen goes with the page (the whole list made the HTML 2.5 MB at 5,000 volumes, and its
  // server render seconds slower); the browser asks for the whole list as soon as it runs.
  const first = answer && firstScreen(answer.list, searchParamsOf(await searchParams), answer.at);
  return <VolumesPage engine={id} firstScreen={first ?? undefined} />;
}

function searchParamsOf(query: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value ?? []].flat()) params.append(key, v);
  return params;
}
