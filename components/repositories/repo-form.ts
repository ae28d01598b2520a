// Pure: the "Add repository" form — its values, the schema the browser checks them with (the server's id rule
// and password length, plus each kind's required fields), and the request body they become. Only the chosen
// kind's fields are sent. The server checks the body again (createRepositoryBody) and parses the location.
import { z } from "zod";
import { repositoryId, type CreateRepositoryBody } from "@/lib/api/repository-schemas";
import type { RepoKind } from "@/lib/api/repository-types";

export const REPO_KINDS = ["local", "sftp", "s3", "rest", "rclone"] as const satisfies readonly RepoKind[];

const text = z.string().trim();

export const repoFormSchema = z
  .object({
    // Empty is the usual first mistake: say so, rather than quoting the id rule.
    id: z.string().min(1, "Give the repository an id, like offsite or nas.").pipe(repositoryId),
    name: text.max(200),
    kind: z.enum(REPO_KINDS),
    location: text.min(1, "Say where the repository is.").max(4096),
    password: z.union([z.literal(""), z.string().min(8, "A repository password has at least 8 characters.").max(4096)]),
    /** "init": initialise when nothing is there, connect when a repository is; "connect": connect only. */
    mode: z.enum(["init", "connect"]),
    sftpKey: z.string(),
    s3: z.object({ accessKeyId: text, secretAccessKey: z.string(), region: text, pathStyle: z.boolean() }),
    rest: z.object({ username: text, password: z.string() }),
    rcloneConfig: z.string(),
  })
  .superRefine((v, ctx) => {
    const need = (ok: boolean, path: string[], message: string) => ok || ctx.addIssue({ code: "custom", path, message });
    const where = v.location;
    // A generated password cannot open a repository that is already there.
    need(v.mode === "init" || v.password.length > 0, ["password"], "Connecting to an existing repository needs its password.");
    if (v.kind === "local") need(where.startsWith("/"), ["location"], "A local repository is an absolute path, like /srv/restic/volumes.");
    if (v.kind === "sftp") {
      need(/^[^@\s]+@[^:\s]+(:\d+)?:\//.test(where), ["location"], "An SFTP location is user@host[:port]:/absolute/path.");
      need(v.sftpKey.includes("PRIVATE KEY"), ["sftpKey"], "Paste the private key (PEM or OpenSSH), header lines included.");
    }
    if (v.kind === "s3") {
      need(/^https?:\/\/[^/]+\/[^/]+/.test(where), ["location"], "An S3 location is https://endpoint/bucket[/prefix].");
      need(v.s3.accessKeyId.length > 0, ["s3", "accessKeyId"], "Give the access key id.");
      need(v.s3.secretAccessKey.length > 0, ["s3", "secretAccessKey"], "Give the secret access key.");
    }
    if (v.kind === "rest") {
      need(/^https?:\/\/[^/@]+(\/|$)/.test(where), ["location"], "A REST server location is http(s)://host:port/[path], without credentials.");
      need(!v.rest.password || !!v.rest.username, ["rest", "username"], "A password needs its user name.");
      need(!v.rest.username || !!v.rest.password, ["rest", "password"], "Give the user's password.");
    }
    if (v.kind === "rclone") {
      need(/^[A-Za-z0-9_.-]+:/.test(where), ["location"], "An rclone location is remote:path, with the remote named in the configuration below.");
      need(v.rcloneConfig.trim().length > 0, ["rcloneConfig"], "Paste the rclone configuration (the text of an rclone.conf) that defines the remote.");
    }
  });

export type RepoFormValues = z.input<typeof repoFormSchema>;

export const emptyRepoForm: RepoFormValues = {
  id: "",
  name: "",
  kind: "local",
  location: "",
  password: "",
  mode: "init",
  sftpKey: "",
  s3: { accessKeyId: "", secretAccessKey: "", region: "", pathStyle: false },
  rest: { username: "", password: "" },
  rcloneConfig: "",
};

/** The request body: the chosen kind's fields only; an empty password asks the server to generate one. */
export function toCreateRepositoryBody(v: z.output<typeof repoFormSchema>): CreateRepositoryBody {
  const body: CreateRepositoryBody = { id: v.id, kind: v.kind, location: v.location, init: v.mode === "init" };
  if (v.name) body.name = v.name;
  if (v.password) body.password = v.password;
  if (v.kind === "sftp") body.sftp = { privateKey: v.sftpKey };
  if (v.kind === "s3") {
    body.s3 = {
      accessKeyId: v.s3.accessKeyId,
      secretAccessKey: v.s3.secretAccessKey,
      ...(v.s3.region ? { region: v.s3.region } : {}),
      pathStyle: v.s3.pathStyle,
    };
  }
  if (v.kind === "rest" && v.rest.username) body.rest = { username: v.rest.username, password: v.rest.password };
  if (v.kind === "rclone") body.rclone = { config: v.rcloneConfig };
  return body;
}

/** A request path of the server's 400 answer → the form field that shows it. */
export function repoFieldOf(path: string): string | undefined {
  const direct: Record<string, string> = { "sftp.privateKey": "sftpKey", "rclone.config": "rcloneConfig" };
  if (direct[path]) return direct[path];
  if (["id", "name", "kind", "location", "password"].includes(path)) return path;
  if (/^(s3|rest)\.[a-zA-Z]+$/.test(path)) return path;
  return undefined;
}
