"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { Field, SelectField, TextField } from "@/components/ui/form/Field";
import { EVENT_LABELS, NOTIFY_EVENTS } from "@/lib/api/notify-events";
import type { ChannelFormValues } from "./channel-form";

const grid = "grid gap-3 sm:grid-cols-2";

/** The fields of the chosen kind. `hasSecret`: editing a channel that keeps a secret (empty keeps it). */
export function ChannelFields({ hasSecret }: { hasSecret: boolean }) {
  const kind = useWatch<ChannelFormValues, "kind">({ name: "kind" });
  const keep = hasSecret ? "Empty keeps the stored one." : "";
  if (kind === "smtp") {
    return (
      <div className={grid}>
        <TextField name="host" label="SMTP server" placeholder="smtp.example.org" />
        <TextField name="port" label="Port" inputMode="numeric" hint="465 for TLS, 587 for STARTTLS, 25 plain." />
        <SelectField
          name="security"
          label="Encryption"
          options={[
            { value: "starttls", label: "STARTTLS (required)" },
            { value: "tls", label: "TLS from the start" },
            { value: "none", label: "None (a relay on this host)" },
          ]}
        />
        <TextField name="user" label="User name" autoComplete="off" hint="Empty: no sign-in." />
        <TextField name="secret" label="Password" type="password" autoComplete="new-password" hint={keep || "Kept in a file only the console reads."} />
        <TextField name="from" label="From" placeholder="voldeck@example.org" />
        <div className="sm:col-span-2">
          <TextField name="to" label="To" placeholder="ops@example.org, oncall@example.org" hint="One or more addresses, separated by commas." />
        </div>
      </div>
    );
  }
  return (
    <div className={grid}>
      <div className="sm:col-span-2">
        <TextField
          name="url"
          label="URL"
          placeholder={kind === "push" ? "https://ntfy.sh/my-topic" : "https://hooks.example.org/voldeck"}
          hint={kind === "push" ? "The topic (ntfy) or message endpoint (Gotify) to post to." : "Receives a JSON POST per event."}
        />
      </div>
      {kind === "push" ? (
        <>
          <SelectField
            name="format"
            label="Server"
            options={[
              { value: "ntfy", label: "ntfy (plain text)" },
              { value: "gotify", label: "Gotify (JSON)" },
            ]}
          />
          <TextField name="secret" label="Access token" type="password" autoComplete="off" hint={keep || "Sent as a bearer token. Optional."} />
          <TextField name="title" label="Title" hint="Empty: the event and what it is about." />
          <TextField name="priority" label="Priority" inputMode="numeric" hint="1–5 (ntfy), 1–10 (Gotify). Optional." />
        </>
      ) : (
        <div className="sm:col-span-2">
          <TextField
            name="secret"
            label="Signing secret"
            type="password"
            autoComplete="off"
            hint={keep || "Optional: signs each body (X-Voldeck-Signature: sha256=HMAC) so the receiver can check it."}
          />
        </div>
      )}
    </div>
  );
}

/** All events, or a chosen few. */
export function EventsField() {
  const { register } = useFormContext<ChannelFormValues>();
  const all = useWatch<ChannelFormValues, "allEvents">({ name: "allEvents" });
  return (
    <Field name="events" label="Events">
      {(wiring) => (
        <div className="space-y-1.5" id={wiring.id} aria-describedby={wiring["aria-describedby"]}>
          <label className="flex items-center gap-2 text-sm text-fg">
            <input type="checkbox" {...register("allEvents")} className="size-4 accent-accent" /> Every event
          </label>
          {!all && (
            <div className="grid gap-1 pl-6 sm:grid-cols-2">
              {NOTIFY_EVENTS.map((e) => (
                <label key={e} className="flex items-center gap-2 text-sm text-fg">
                  <input type="checkbox" value={e} {...register("events")} className="size-4 accent-accent" /> {EVENT_LABELS[e]}
                </label>
              ))}
            </div>
          )}
        </div>
      )}
    </Field>
  );
}

export const kindOptions = [
  { value: "webhook", label: "Webhook (JSON)" },
  { value: "push", label: "Push (ntfy, Gotify)" },
  { value: "smtp", label: "E-mail (SMTP)" },
];
