import { redirect } from "next/navigation";
import { HOME_HREF } from "@/lib/routes";

export default function Home() {
  redirect(HOME_HREF);
}
