"use client";
import { useId } from "react";
import { inputClass, labelClass } from "@/components/ui/fields";
import { MIN_PASSWORD_LENGTH, username as usernameSchema } from "@/lib/api/auth-schemas";
import { ROLES, type Role } from "@/lib/auth/roles";

// Account fields (user name, new password, role) shared by the admin dialogs and the change-password dialog.

export const ROLE_HELP: Record<Role, string> = {
  viewer: "sees everything, changes nothing, downloads no backups",
  operator: "volumes, backups, restores, prune — no volumes that bind host paths",
  admin: "everything, including users, API tokens and the audit trail",
};

/** Why this password pair cannot be used, or null. */
export function passwordProblem(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== confirm) return "The two passwords differ.";
  return null;
}

export function usernameProblem(name: string): string | null {
  const parsed = usernameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Not a valid user name.");
}

/** A new password typed twice; the hint turns into the problem once the form was submitted. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  showProblem,
  label = "Password",
}: {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  showProblem: boolean;
  label?: string;
}) {
  const hintId = useId();
  const problem = showProblem ? passwordProblem(password, confirm) : null;
  return (
    <>
      <label className={labelClass}>
        {label}
        <input
          type="password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          autoComplete="new-password"
          aria-describedby={hintId}
          aria-invalid={!!problem && password.length < MIN_PASSWORD_LENGTH}
          className={inputClass}
        />
      </label>
      <label className={labelClass}>
        Repeat the {label.toLowerCase()}
        <input
          type="password"
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
          autoComplete="new-password"
          aria-describedby={hintId}
          aria-invalid={!!problem && password !== confirm}
          className={inputClass}
        />
      </label>
      <p id={hintId} role={problem ? "alert" : undefined} className={`text-xs ${problem ? "text-danger-fg" : "text-fg-muted"}`}>
        {problem ?? `At least ${MIN_PASSWORD_LENGTH} characters.`}
      </p>
    </>
  );
}

export function RoleSelect({ value, onChange, label = "Role" }: { value: Role; onChange: (role: Role) => void; label?: string }) {
  const helpId = useId();
  return (
    <div>
      <label className={labelClass}>
        {label}
        <select value={value} onChange={(e) => onChange(e.target.value as Role)} aria-describedby={helpId} className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <p id={helpId} className="mt-1 text-xs text-fg-muted">
        {value}: {ROLE_HELP[value]}.
      </p>
    </div>
  );
}
