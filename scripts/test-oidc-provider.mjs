// A real OpenID provider for the single sign-on tests: `oidc-provider` (a certified implementation) with its own
// login and consent pages, behind a small HTTP relay on the issuer's port. The relay passes everything through
// untouched, except that on request it alters the next ID token the token endpoint returns — the claims change,
// the signature stays — which is how a tampered ID token reaches the console over real HTTP.
//
// Started by test/helpers/oidc.ts:  OIDC_PORT=… OIDC_REDIRECT_URIS=a,b OIDC_CLIENT_ID=… OIDC_CLIENT_SECRET=… node scripts/test-oidc-provider.mjs
// Prints "READY <issuer>" when it answers. Accounts: any login name; its groups follow its prefix
// ("admin-…" voldeck-admins, "ops-…" voldeck-ops, "viewer-…" voldeck-viewers, anything else: marketing), unless
// POST /__test/groups {"account","groups"} set them. Codes of logins containing "-expiring" live 1 second.
// POST /__test/tamper {"groups":[…]} rewrites the groups of the next ID token.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const groupOverrides = new Map();
let tamperGroups = null;

function groupsOf(account) {
  if (groupOverrides.has(account)) return groupOverrides.get(account);
  if (account.startsWith("admin-")) return ["staff", "voldeck-admins"];
  if (account.startsWith("ops-")) return ["voldeck-ops"];
  if (account.startsWith("viewer-")) return ["voldeck-viewers"];
  return ["marketing"];
}

const key = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test-1", use: "sig", alg: "RS256" };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: process.env.OIDC_REDIRECT_URIS.split(","),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [key] },
  cookies: { keys: [randomBytes(16).toString("hex")] },
  claims: { openid: ["sub"], profile: ["preferred_username", "name"], email: ["email"], groups: ["groups"] },
  scopes: ["openid", "profile", "email", "groups"],
  // Like most providers (Keycloak, Authentik, Dex), the requested claims go into the ID token too.
  conformIdTokenClaims: false,
  ttl: {
    AuthorizationCode: (_ctx, code) => (String(code.accountId).includes("-expiring") ? 1 : 60),
    AccessToken: 600,
    IdToken: 600,
    Interaction: 600,
    Session: 600,
    Grant: 600,
  },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: id, email: `${id}@example.test`, groups: groupsOf(id) };
      },
    };
  },
});
provider.on("server_error", (_ctx, err) => console.error("oidc-provider:", err));

const inner = http.createServer(provider.callback());
await new Promise((r) => inner.listen(0, "127.0.0.1", r));
const innerPort = inner.address().port;

const readBody = (stream) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });

function tamper(body) {
  const answer = JSON.parse(body.toString("utf8"));
  const [header, payload, signature] = answer.id_token.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  claims.groups = tamperGroups;
  answer.id_token = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
  return Buffer.from(JSON.stringify(answer));
}

const relay = http.createServer(async (req, res) => {
  const body = await readBody(req);
  if (req.url === "/__test/groups" || req.url === "/__test/tamper") {
    const input = JSON.parse(body.toString("utf8"));
    if (req.url === "/__test/groups") groupOverrides.set(input.account, input.groups);
    else tamperGroups = input.groups;
    res.writeHead(204).end();
    return;
  }
  const upstream = http.request({ host: "127.0.0.1", port: innerPort, method: req.method, path: req.url, headers: req.headers }, async (up) => {
    let answer = await readBody(up);
    const headers = { ...up.headers };
    if (req.method === "POST" && req.url === "/token" && up.statusCode === 200 && tamperGroups) {
      answer = tamper(answer);
      tamperGroups = null;
      headers["content-length"] = String(answer.length);
      delete headers["etag"];
    }
    res.writeHead(up.statusCode ?? 502, headers).end(answer);
  });
  upstream.on("error", () => res.writeHead(502).end());
  upstream.end(body);
});
await new Promise((r) => relay.listen(port, "127.0.0.1", r));
console.log(`READY ${issuer}`);

const stop = () => {
  relay.close();
  inner.close();
  relay.closeAllConnections();
  inner.closeAllConnections();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
