"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api/fetcher";
import { HOME_HREF } from "@/lib/routes";
import { useHydrated } from "./useHydrated";

/**
 * The submission of a form that ends in a signed-in session (sign in, first setup): the POST to `path`, and on
 * success the home page, refreshed so the server components see the new cookie. `hydrated`: the form works now
 * (typing before React runs would be lost).
 */
export function useAccountSubmit(path: string) {
  const router = useRouter();
  const hydrated = useHydrated();
  const submit = useMutation({
    mutationFn: (body: { username: string; password: string }) => apiFetch(path, { method: "POST", json: body }),
    onSuccess: () => {
      router.replace(HOME_HREF);
      router.refresh();
    },
  });
  return { hydrated, submit };
}
