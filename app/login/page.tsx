import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { signedInOrSetUp } from "@/lib/auth/page-session";
import { HOME_HREF, SETUP_HREF } from "@/lib/routes";

export const metadata = { title: "Sign in · Voldeck" };

export default async function LoginPage() {
  const { signedIn, setUp } = await signedInOrSetUp();
  if (!setUp) redirect(SETUP_HREF);
  if (signedIn) redirect(HOME_HREF);
  return <LoginForm />;
}
