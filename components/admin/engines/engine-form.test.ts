import { describe, expect, it } from "vitest";
import { createBody, emptyForm, formProblems, kindOf, testBody, updateBody, type EngineForm } from "./engine-form";

const form = (patch: Partial<EngineForm>): EngineForm => ({ ...emptyForm(), ...patch });
const tls = { ca: "CA", cert: "CERT", key: "KEY" };

describe("formProblems", () => {
  it("accepts a unix socket engine", () => {
    expect(formProblems(form({ id: "box-1", url: "unix:///run/docker.sock" }), null, true)).toEqual({});
  });
  it("names a bad id, a missing or mismatched address", () => {
    const p = formProblems(form({ id: "Bad", kind: "ssh", url: "tcp://h:2376" }), null, true);
    expect(p.id).toMatch(/lower-case/);
    expect(p.url).toMatch(/ssh:\/\//);
    expect(formProblems(form({ id: "a" }), null, true).url).toMatch(/Give the address/);
  });
  it("asks for all three TLS parts, unless they are stored (editing) or TLS is off", () => {
    const f = form({ id: "a", kind: "tcp", url: "tcp://h:2376" });
    expect(formProblems(f, null, true).tls).toMatch(/CA certificate/);
    expect(formProblems({ ...f, ca: "x" }, null, true).tls).toMatch(/all three/);
    expect(formProblems(f, { tls: true, ssh: false }, false).tls).toBeUndefined();
    expect(formProblems({ ...f, useTls: false }, null, true).tls).toBeUndefined();
  });
  it("asks for an SSH key unless one is stored", () => {
    const f = form({ id: "a", kind: "ssh", url: "ssh://u@h" });
    expect(formProblems(f, null, true).ssh).toMatch(/private key/);
    expect(formProblems(f, { tls: false, ssh: true }, false).ssh).toBeUndefined();
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
