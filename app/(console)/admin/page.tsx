import { redirect } from "next/navigation";
import { adminHref } from "@/lib/routes";

export default function AdminHome() {
  redirect(adminHref("users"));
}
