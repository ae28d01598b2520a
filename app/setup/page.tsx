import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/SetupForm";
import { signedInOrSetUp } from "@/lib/auth/page-session";

export const metadata = { title: "Set up · Voldeck" };

export default async function SetupPage() {
  const { setUp } = await signedInOrSetUp();
  if (setUp) redirect("/login");
  return <SetupForm />;
}
