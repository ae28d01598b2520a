import { describe, expect, it } from "vitest";
import { createBody, emptyForm, engineFieldOf, engineFormSchema, kindOf, testBody, updateBody, type EngineForm, type Stored } from "./engine-form";

const form = (patch: Partial<EngineForm>): EngineForm => ({ ...emptyForm(), ...patch });
const tls = { ca: "CA", cert: "CERT", key: "KEY" };
/** The schema's messages by field, as the dialog shows them. */
const formProblems = (f: EngineForm, stored: Stored, adding: boolean): Record<string, string> =>
  Object.fromEntries((engineFormSchema(stored, adding).safeParse(f).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("engineFormSchema", () => {
  it("accepts a unix socket engine", () => {
    expect(formProblems(form({ id: "box-1", url: "unix:///run/docker.sock" }), null, true)).toEqual({});
  });
  it("names a bad id, a missing or mismatched address", () => {
    const p = formProblems(form({ id: "Bad", kind: "ssh", url: "tcp://h:2376" }), null, true);
    expect(p.id).toMatch(/lower-case/);
    expect(p.url).toMatch(/ssh:\/\//);
    expect(formProblems(form({ id: "a" }), null, true).url).toMatch(/Give the address/);
    expect(formProblems(form({ id: "a", name: "x".repeat(101), url: "unix:///s" }), null, true)).toEqual({ name: "A name has at most 100 characters." });
  });
  it("refuses an address the server would refuse, without repeating a password it carries", () => {
    const p = formProblems(form({ id: "a", kind: "tcp", url: "tcp://admin:s3cr3t@h:2376", useTls: false }), null, true);
    expect(p.url).toMatch(/must not carry a password/);
    expect(p.url).not.toMatch(/s3cr3t/);
    expect(formProblems(form({ id: "a", kind: "tcp", url: "tcp://h:2376/path", useTls: false }), null, true).url).toMatch(/no path/);
  });
  it("asks for each missing TLS part on its own field, unless they are stored (editing) or TLS is off", () => {
    const f = form({ id: "a", kind: "tcp", url: "tcp://h:2376" });
    expect(formProblems(f, null, true)).toEqual({ ca: "Give the CA certificate.", cert: "Give the client certificate.", key: "Give the client key." });
    expect(Object.keys(formProblems({ ...f, ca: "x", cert: " " }, null, true))).toEqual(["cert", "key"]);
    expect(formProblems(f, { tls: true, ssh: false }, false)).toEqual({});
    expect(formProblems({ ...f, ca: "x" }, { tls: true, ssh: false }, false)).toHaveProperty("key");
    expect(formProblems({ ...f, useTls: false }, null, true)).toEqual({});
  });
  it("asks for an SSH key unless one is stored", () => {
    const f = form({ id: "a", kind: "ssh", url: "ssh://u@h" });
    expect(formProblems(f, null, true)).toEqual({ privateKey: "Give the SSH private key." });
    expect(formProblems(f, { tls: false, ssh: true }, false)).toEqual({});
  });
  it("maps the server's issue paths onto the fields", () => {
    expect(["url", "tls.cert", "ssh.privateKey", "name", "trustNewHostKey", ""].map(engineFieldOf)).toEqual([
      "url",
      "cert",
      "privateKey",
      "name",
      undefined,
      undefined,
    ]);
  });
});

describe("bodies", () => {
  it("sends material only for its kind; an empty name is left out", () => {
    expect(createBody(form({ id: "a", kind: "tcp", url: " tcp://h:2376 ", ...tls }))).toEqual({ id: "a", url: "tcp://h:2376", tls });
    expect(createBody(form({ id: "a", kind: "ssh", url: "ssh://u@h", privateKey: "PK", passphrase: "pp", ...tls }))).toEqual({
      id: "a",
      url: "ssh://u@h",
      ssh: { privateKey: "PK", passphrase: "pp" },
    });
  });
  it("editing: empty fields keep what is stored, TLS turned off removes it", () => {
    expect(updateBody(form({ name: "N", kind: "tcp", url: "tcp://h:2376" }))).toEqual({ name: "N", url: "tcp://h:2376" });
    expect(updateBody(form({ kind: "tcp", url: "tcp://h:2376", useTls: false }))).toEqual({ url: "tcp://h:2376", tls: null });
    expect(updateBody(form({ kind: "ssh", url: "ssh://u@h" }))).toEqual({ url: "ssh://u@h" });
    expect(updateBody(form({ kind: "ssh", url: "ssh://u@h", trustNewHostKey: true }))).toEqual({ url: "ssh://u@h", trustNewHostKey: true });
  });
  it("testing a new engine never borrows stored material: what is empty is sent as none", () => {
    expect(testBody(form({ kind: "ssh", url: "ssh://u@h" }), true)).toEqual({ url: "ssh://u@h", ssh: null });
    expect(testBody(form({ kind: "ssh", url: "ssh://u@h" }), false)).toEqual({ url: "ssh://u@h" });
    expect(testBody(form({ kind: "ssh", url: "ssh://u@h", trustNewHostKey: true }), false)).toEqual({ url: "ssh://u@h", trustNewHostKey: true });
    expect(testBody(form({ kind: "ssh", url: "ssh://u@h", trustNewHostKey: true }), true)).toEqual({ url: "ssh://u@h", ssh: null });
  });
  it("guesses the kind of an address", () => {
    expect(["/run/d.sock", "unix:///x", "ssh://u@h", "tcp://h", "h:2375"].map(kindOf)).toEqual(["unix", "unix", "ssh", "tcp", "tcp"]);
  });
});
