import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { signedInOrSetUp } from "@/lib/auth/page-session";

export const metadata = { title: "Sign in · Voldeck" };

export default async function LoginPage() {
  const { signedIn, setUp } = await signedInOrSetUp();
  if (!setUp) redirect("/setup");
  if (signedIn) redirect("/engines/local/volumes");
  return <LoginForm />;
}
