// The OpenID provider of the single sign-on tests (scripts/test-oidc-provider.mjs, a real oidc-provider in its own
// process), and a browser's part of a sign-in done by hand over real HTTP: redirects followed one by one, a cookie
// jar, the provider's own login and consent forms filled in and posted.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
export const OIDC_CLIENT = { id: "voldeck-test", secret: "voldeck-test-secret-0123456789" };

export type TestProvider = {
  issuer: string;
  /** The groups the provider gives this account from now on. */
  setGroups: (account: string, groups: string[]) => Promise<void>;
  /** The next ID token the token endpoint sends has these groups instead — its signature left as it was. */
  tamperNextIdToken: (groups: string[]) => Promise<void>;
  stop: () => Promise<void>;
};

/** Starts the provider on `port` (the issuer's), accepting these redirect URIs for the test client. */
export async function startProvider(port: number, redirectUris: string[]): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, ["scripts/test-oidc-provider.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      OIDC_PORT: String(port),
      OIDC_REDIRECT_URIS: redirectUris.join(","),
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      log += c.toString();
      const match = /READY (\S+)/.exec(log);
      if (match) resolve(match[1]);
    });
    child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
    child.once("exit", (code) => reject(new Error(`the OpenID provider exited with ${code}:\n${log}`)));
  });
  const issuer = await ready;
  const control = async (what: string, body: unknown) => {
    const res = await fetch(`${issuer}/__test/${what}`, { method: "POST", body: JSON.stringify(body) });
    if (res.status !== 204) throw new Error(`the provider refused ${what}: ${res.status}`);
  };
  return {
    issuer,
    setGroups: (account, groups) => control("groups", { account, groups }),
    tamperNextIdToken: (groups) => control("tamper", { groups }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Cookies per origin (host and port), as far as these tests need: no paths, no expiry but Max-Age=0. */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.jars.get(url.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get(url: string | URL, name: string): string | undefined {
    return this.jars.get(new URL(url).origin)?.get(name);
  }

  take(url: URL, res: Response): void {
    const jar = this.jars.get(url.origin) ?? new Map<string, string>();
    this.jars.set(url.origin, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
  }

  /** One request, no redirect followed; the answer's cookies kept. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.header(target);
    if (cookie) headers.set("cookie", cookie);
    const res = await fetch(target, { ...init, headers, redirect: "manual" });
    this.take(target, res);
    return res;
  }
}

export const locationOf = (res: Response, base: string | URL) => new URL(res.headers.get("location") ?? "", base);

/** The first form of a provider page: where it posts and its fields (hidden ones with their values). */
function firstForm(html: string, base: URL): { action: URL; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form on the provider's page:\n${html.slice(0, 2000)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
  }
  return { action: new URL(form[1].replaceAll("&amp;", "&"), base), fields };
}

/**
 * Starts a sign-in at the console and goes through the provider's pages as `login`; answers the callback URL the
 * provider sends the browser to — not yet visited, so a test may change it, delay it or visit it twice.
 */
export async function signInAtProvider(jar: CookieJar, consoleUrl: string, login: string): Promise<URL> {
  let res = await jar.fetch(`${consoleUrl}/api/auth/oidc/login`);
  if (res.status !== 302) throw new Error(`the console's sign-in start answered ${res.status}`);
  let url = locationOf(res, consoleUrl);
  for (let step = 0; step < 20; step++) {
    if (url.href.startsWith(`${consoleUrl}/`)) return url;
    res = await jar.fetch(url);
    if (res.status >= 300 && res.status < 400) {
      url = locationOf(res, url);
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`the provider answered ${res.status} at ${url}:\n${html.slice(0, 2000)}`);
    const { action, fields } = firstForm(html, url);
    if ("login" in fields) Object.assign(fields, { login, password: "any password" });
    res = await jar.fetch(action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    if (res.status < 300 || res.status >= 400) throw new Error(`posting the provider's form answered ${res.status}: ${(await res.text()).slice(0, 2000)}`);
    url = locationOf(res, action);
  }
  throw new Error("the provider never sent the browser back to the console");
}
