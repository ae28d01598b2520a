// Pure: whether bytes are text worth showing, and the preview's cut. Text means UTF-8 without NUL bytes
// (what editors and `file` call text); anything else is offered for download instead. Unit-tested.

export const PREVIEW_LIMIT = 1 << 20;

/** The longest prefix of `bytes` that does not end inside a UTF-8 sequence (a cut preview stays valid). */
export function utf8Boundary(bytes: Buffer): Buffer {
  let end = bytes.length;
  // Step back over continuation bytes (at most 3) to the lead byte of the last sequence.
  let i = end - 1;
  while (i >= 0 && end - i <= 4 && (bytes[i] & 0xc0) === 0x80) i--;
  if (i < 0) return bytes;
  const lead = bytes[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (end - i < need) end = i;
  return bytes.subarray(0, end);
}

/** Whether `sample` (the start of a file, possibly cut anywhere) is text. */
export function isText(sample: Buffer, cut: boolean): boolean {
  if (sample.includes(0)) return false;
  const body = cut ? utf8Boundary(sample) : sample;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}
