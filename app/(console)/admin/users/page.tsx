import { UsersPage } from "@/components/admin/users/UsersPage";

export const metadata = { title: "Users · Voldeck" };

export default function Page() {
  return <UsersPage />;
}
