import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/SetupForm";
import { signedInOrSetUp } from "@/lib/auth/page-session";
import { LOGIN_HREF } from "@/lib/routes";

export const metadata = { title: "Set up · Voldeck" };

export default async function SetupPage() {
  const { setUp } = await signedInOrSetUp();
  if (setUp) redirect(LOGIN_HREF);
  return <SetupForm />;
}
