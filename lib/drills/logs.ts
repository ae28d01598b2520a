// Pure: a container's logs as the engine answers them without a TTY — frames of an 8-byte header (stream type,
// three zero bytes, big-endian length) and the bytes — reduced to the bytes in order (stdout and stderr
// interleaved as they came). Written here because dockerode's demuxStream wants a stream, and the logs of a
// finished check arrive as one buffer. Unit-tested.
export function demuxLogs(raw: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos + 8 <= raw.length) {
    const type = raw[pos];
    const size = raw.readUInt32BE(pos + 4);
    // Not a framed answer (a TTY container's plain output): take it as it is.
    if (type > 2 || raw[pos + 1] !== 0 || raw[pos + 2] !== 0 || raw[pos + 3] !== 0) return [raw.subarray(pos)];
    out.push(raw.subarray(pos + 8, Math.min(raw.length, pos + 8 + size)));
    pos += 8 + size;
  }
  if (pos < raw.length) out.push(raw.subarray(pos));
  return out;
}
