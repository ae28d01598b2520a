"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/api/fetcher";
import { HOME_HREF } from "@/lib/routes";
import { useHydrated } from "./useHydrated";

/**
 * The state of a form that ends in a signed-in session (sign in, first setup): user name and password, the POST
 * to `path`, and on success the home page, refreshed so the server components see the new cookie.
 */
export function useAccountForm(path: string, initialUsername = "") {
  const router = useRouter();
  const hydrated = useHydrated();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState("");
  const submit = useMutation({
    mutationFn: () => apiFetch(path, { method: "POST", json: { username, password } }),
    onSuccess: () => {
      router.replace(HOME_HREF);
      router.refresh();
    },
  });
  return { hydrated, username, setUsername, password, setPassword, submit };
}
