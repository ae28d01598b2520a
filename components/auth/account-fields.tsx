"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/form/Field";
import { MIN_PASSWORD_LENGTH } from "@/lib/api/auth-schemas";
import { ROLES, type Role } from "@/lib/auth/roles";

// Account fields (new password typed twice, role) of the surrounding react-hook-form form, shared by the setup
// page, the admin's user dialogs and the change-password dialog. Their rules live in ./account-schemas.ts.

export const ROLE_HELP: Record<Role, string> = {
  viewer: "sees everything, changes nothing, downloads no backups",
  operator: "volumes, backups, restores, prune — no volumes that bind host paths",
  admin: "everything, including users, API tokens and the audit trail",
};

/** A new password (field `name`) and its repetition (field `confirm`); each shows its own problem. */
export function NewPasswordFields({ name = "password", label = "Password" }: { name?: string; label?: string }) {
  return (
    <>
      <TextField name={name} label={label} type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} />
      <TextField name="confirm" label={`Repeat the ${label.toLowerCase()}`} type="password" autoComplete="new-password" />
    </>
  );
}

const roleOptions = ROLES.map((r) => ({ value: r, label: r }));

/** The field `role`, with what the chosen role may do as its hint. */
export function RoleField({ label = "Role" }: { label?: string }) {
  const { control } = useFormContext<{ role: Role }>();
  const role = useWatch({ control, name: "role" });
  return <SelectField name="role" label={label} options={roleOptions} hint={ROLE_HELP[role] ? `${role}: ${ROLE_HELP[role]}.` : undefined} />;
}
