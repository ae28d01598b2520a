"use client";
import { KeyRound, UserCog } from "lucide-react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { DangerAction } from "@/components/ui/DangerAction";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { byNumber, byText, byTime, type Comparators } from "@/components/ui/sort-rows";
import { Time } from "@/components/ui/Time";
import { useSortedRows } from "@/components/ui/useSortedRows";
import type { User } from "@/lib/api/admin-queries";
import { ROLES } from "@/lib/auth/roles";

const roleTone = { admin: "violet", operator: "sky", viewer: "slate" } as const;

// Roles sort by what they allow (viewer, operator, admin), not alphabetically.
const COMPARE: Comparators<User> = {
  name: byText((u) => u.username),
  role: byNumber((u) => ROLES.indexOf(u.role)),
  created: byTime((u) => u.createdAt, "first"),
};

type Props = {
  users: User[];
  me: string | null;
  onRole: (user: User) => void;
  onPassword: (user: User) => void;
  onRemove: (user: User) => void;
};

/** The users, by name (the API's order); a card each on a phone, the three actions under the name. */
export function UsersTable({ users, me, ...actions }: Props) {
  const { rows, sort, onSort } = useSortedRows(users, COMPARE, { id: "name", desc: false });
  const columns: DataColumn<User>[] = [
    { id: "name", header: "Name", rowHeader: true, sortable: true, width: "minmax(10rem, 1fr)", cell: (u) => <UserName user={u} me={me} /> },
    { id: "role", header: "Role", sortable: true, width: "7rem", cell: (u) => <Badge tone={roleTone[u.role]}>{u.role}</Badge> },
    { id: "created", header: "Created", sortable: true, descFirst: true, width: "9rem", cell: (u) => <Time iso={u.createdAt} /> },
    // Wide enough for the three buttons on one line (below it the rows are cards).
    { id: "actions", header: "Actions", headerHidden: true, align: "center", width: "24rem", cell: (u) => <UserActions user={u} {...actions} /> },
  ];
  return (
    <DataTable
      label="Users"
      data={rows}
      columns={columns}
      getRowId={(u) => String(u.id)}
      sort={sort}
      onSort={onSort}
      renderCard={(u) => <UserCard user={u} me={me} {...actions} />}
      cardsBelow={820}
      cardHeight={72}
    />
  );
}

function UserName({ user, me }: { user: User; me: string | null }) {
  return (
    <span className="font-medium text-fg">
      {user.username}
      {user.username === me && " "}
      {user.username === me && <span className="text-xs font-normal text-fg-subtle">(you)</span>}
    </span>
  );
}

type ActionProps = Omit<Props, "users" | "me"> & { user: User; size?: "sm" | "md" };

function UserActions({ user, onRole, onPassword, onRemove, size = "md" }: ActionProps) {
  return (
    <div className={`flex w-full gap-1 ${size === "md" ? "justify-end px-2" : "-ml-2"}`}>
      <Button variant="ghost" size={size} icon={UserCog} onClick={() => onRole(user)}>
        Change role<span className="sr-only"> of {user.username}</span>
      </Button>
      <Button variant="ghost" size={size} icon={KeyRound} onClick={() => onPassword(user)}>
        Reset password<span className="sr-only"> of {user.username}</span>
      </Button>
      <DangerAction label="Remove" context={`user ${user.username}`} onClick={() => onRemove(user)} size={size} />
    </div>
  );
}

function UserCard({ user, me, ...actions }: Omit<ActionProps, "size"> & { me: string | null }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex min-w-0 items-center gap-2">
        <span className="min-w-0 truncate">
          <UserName user={user} me={me} />
        </span>
        <Badge tone={roleTone[user.role]}>{user.role}</Badge>
        <span className="ml-auto shrink-0 text-xs text-fg-muted">
          created <Time iso={user.createdAt} />
        </span>
      </div>
      <UserActions user={user} size="sm" {...actions} />
    </div>
  );
}
