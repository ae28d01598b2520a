import contentDisposition from "content-disposition";
import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./file-stream";

// RFC 5987 ext-value: charset '' then only attr-chars and %XX – no `'`, `(`, `)`, `*`, space or quote left raw.
const EXT_VALUE = /^UTF-8''(?:%[0-9A-F]{2}|[A-Za-z0-9!#$&+\-.^_`|~])+$/;
// RFC 6266 `filename="…"`: a quoted string of printable ASCII, `"` and `\` escaped.
const ASCII_QUOTED = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*"$/;

/** The header split into its parameters as written (not decoded), to check each against its grammar. */
function rawParams(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/;\s*([a-z*]+)=("(?:[^"\\]|\\.)*"|[^;]+)/g)) out[m[1]] = m[2];
  return out;
}

describe("attachmentDisposition", () => {
  it.each([["it's (copy) *1*.tar.gz"], ["vol-2024-05-01T10:00:00Z.tar.gz"], ['a "quoted" name.txt']])(
    "keeps an ASCII name %j exactly, in a quoted filename that parses back",
    (name) => {
      const header = attachmentDisposition(name);
      expect(header.startsWith("attachment;")).toBe(true);
      expect(rawParams(header).filename).toMatch(ASCII_QUOTED);
      expect(contentDisposition.parse(header)).toEqual({ type: "attachment", parameters: { filename: name } });
    },
  );

  it.each([["café (1).txt"], ["日本語 it's *final*.tar.gz"], ["Ünïcödé 'quote' \"dq\".txt"]])(
    "gives a non-ASCII name %j an ASCII stand-in and the exact name in a valid filename*",
    (name) => {
      const header = attachmentDisposition(name);
      const raw = rawParams(header);
      expect(raw.filename).toMatch(ASCII_QUOTED);
      expect(raw["filename*"]).toMatch(EXT_VALUE);
      // The decoded filename* wins over the stand-in, as RFC 6266 §4.3 asks of a client.
      expect(contentDisposition.parse(header).parameters.filename).toBe(name);
      // The stand-in keeps the length and the ASCII parts, so old clients still see something recognisable.
      expect(raw.filename.replace(/\\(.)/g, "$1").slice(1, -1)).toBe(name.replace(/[^\x20-\x7e]/g, "_"));
    },
  );

  it("keeps the whole of a name with a backslash (legal in a Linux file name) instead of cutting at it", () => {
    const header = attachmentDisposition("back\\slash.txt");
    expect(contentDisposition.parse(header).parameters.filename).toBe("back_slash.txt");
  });
});
