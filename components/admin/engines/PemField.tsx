"use client";
import { useFormContext } from "react-hook-form";
import { Field, fieldInputClass } from "@/components/ui/form/Field";
import type { EngineForm } from "./engine-form";

type PemName = "ca" | "cert" | "key" | "privateKey";

// Key material as a file (read in the browser, never uploaded by itself) or pasted text. On an engine that
// already has it stored, an empty field keeps what is stored.
export function PemField({ name, label, hint }: { name: PemName; label: string; hint: string }) {
  const { register, setValue } = useFormContext<EngineForm>();
  return (
    <Field name={name} label={label} hint={hint}>
      {(wiring) => (
        <>
          <textarea
            {...wiring}
            {...register(name)}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            placeholder="-----BEGIN …-----"
            className={`${fieldInputClass} font-mono text-xs`}
          />
          <label className="block text-xs text-fg-muted">
            <span className="sr-only">{label}: </span>
            Load from a file:{" "}
            <input
              type="file"
              className="text-xs file:mr-2 file:rounded file:border file:border-line-strong file:bg-surface file:px-2 file:py-0.5"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) setValue(name, await file.text(), { shouldValidate: true, shouldDirty: true });
              }}
            />
          </label>
        </>
      )}
    </Field>
  );
}
