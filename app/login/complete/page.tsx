import { SignInComplete } from "@/components/auth/SignInComplete";

export const metadata = { title: "Signing in · Voldeck" };

export default function SignInCompletePage() {
  return <SignInComplete />;
}
