"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/form/Field";
import { EXPIRY_CHOICES } from "./expiry";
import type { TokenFormValues } from "./token-form";

/** When a new token stops working: never, in 30 or 90 days, or at the end of a chosen day (fields `expiry`, `date`). */
export function ExpiryField() {
  const { control } = useFormContext<TokenFormValues>();
  const expiry = useWatch({ control, name: "expiry" });
  return (
    <div className="space-y-2">
      <SelectField
        name="expiry"
        label="Expires"
        options={EXPIRY_CHOICES}
        hint="An expired token is refused; a script using it then fails with a message that says so."
      />
      {expiry === "date" && <TextField name="date" label="Last day it works" type="date" />}
    </div>
  );
}
