import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { OIDC_LOGIN_PATH } from "@/lib/api/auth-paths";
import { signInMethods } from "@/lib/auth/oidc/config";
import { isOidcErrorCode, OIDC_ERRORS } from "@/lib/auth/oidc/errors";
import { signedInOrSetUp } from "@/lib/auth/page-session";
import { HOME_HREF, SETUP_HREF } from "@/lib/routes";

export const metadata = { title: "Sign in · Voldeck" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { signedIn, setUp } = await signedInOrSetUp();
  if (!setUp) redirect(SETUP_HREF);
  if (signedIn) redirect(HOME_HREF);
  const methods = signInMethods();
  const code = (await searchParams).error;
  // Only a known code is shown: the page never prints text a link could put in its URL.
  const error = isOidcErrorCode(code) ? OIDC_ERRORS[code] : null;
  // Straight to the provider, unless it just sent the user back with an error (that would loop).
  if (methods.oidc && methods.autoRedirect && code === undefined) redirect(OIDC_LOGIN_PATH);
  return <LoginForm password={methods.password} oidcName={methods.oidc ? (methods.oidcName ?? "single sign-on") : null} error={error} />;
}
