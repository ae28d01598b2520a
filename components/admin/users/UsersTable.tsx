import { KeyRound, UserCog } from "lucide-react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { DangerAction } from "@/components/ui/DangerAction";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { Time } from "@/components/ui/Time";
import type { User } from "@/lib/api/admin-queries";

const roleTone = { admin: "violet", operator: "sky", viewer: "slate" } as const;

export function UsersTable({
  users,
  me,
  onRole,
  onPassword,
  onRemove,
}: {
  users: User[];
  me: string | null;
  onRole: (user: User) => void;
  onPassword: (user: User) => void;
  onRemove: (user: User) => void;
}) {
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface">
      <Table caption="Users" className="min-w-[46rem]">
        <THead>
          <Th>Name</Th>
          <Th>Role</Th>
          <Th>Created</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="px-3 py-2 text-left align-top font-medium whitespace-nowrap">
                {u.username}
                {u.username === me && " "}
                {u.username === me && <span className="text-xs font-normal text-fg-subtle">(you)</span>}
              </th>
              <Td>
                <Badge tone={roleTone[u.role]}>{u.role}</Badge>
              </Td>
              <Td className="whitespace-nowrap">
                <Time iso={u.createdAt} />
              </Td>
              <Td className="whitespace-nowrap text-right">
                {/* One line: on a phone the table scrolls in its box rather than stacking the actions out of view. */}
                <div className="-my-1.5 flex justify-end gap-1">
                  <Button variant="ghost" onClick={() => onRole(u)}>
                    <UserCog aria-hidden className="size-4" />
                    Change role<span className="sr-only"> of {u.username}</span>
                  </Button>
                  <Button variant="ghost" onClick={() => onPassword(u)}>
                    <KeyRound aria-hidden className="size-4" />
                    Reset password<span className="sr-only"> of {u.username}</span>
                  </Button>
                  <DangerAction label="Remove" context={`user ${u.username}`} onClick={() => onRemove(u)} />
                </div>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
