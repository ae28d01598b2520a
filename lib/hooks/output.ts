// Pure: a hook's output as the job keeps it — stdout and stderr in the order they came, only the last LIMIT
// bytes (a chatty pg_dump must not fill the job history), and without the line our wrapper writes to learn the
// command's process id (see exec.ts). Unit-tested.
export const OUTPUT_LIMIT = 16 * 1024;
export const PID_MARK = "voldeck-hook-pid=";

export class HookOutput {
  private chunks: Buffer[] = [];
  private size = 0;
  private dropped = false;
  private errHead: string | null = ""; // stderr until its first newline; null once the marker line is settled
  pid: number | null = null;

  constructor(private readonly limit = OUTPUT_LIMIT) {}

  stdout(chunk: Buffer): void {
    this.push(chunk);
  }

  stderr(chunk: Buffer): void {
    if (this.errHead === null) return this.push(chunk);
    this.errHead += chunk.toString("latin1");
    const nl = this.errHead.indexOf("\n");
    if (nl < 0 && this.errHead.length < 64) return;
    const head = this.errHead;
    this.errHead = null;
    const line = nl < 0 ? head : head.slice(0, nl);
    if (line.startsWith(PID_MARK)) {
      this.pid = Number(line.slice(PID_MARK.length)) || null;
      if (nl >= 0 && nl + 1 < head.length) this.push(Buffer.from(head.slice(nl + 1), "latin1"));
    } else this.push(Buffer.from(head, "latin1"));
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0].length >= this.limit) {
      this.size -= this.chunks.shift()!.length;
      this.dropped = true;
    }
  }

  text(): string {
    if (this.errHead) this.push(Buffer.from(this.errHead, "latin1"));
    this.errHead = null;
    let all = Buffer.concat(this.chunks);
    let cut = this.dropped;
    if (all.length > this.limit) {
      all = all.subarray(all.length - this.limit);
      cut = true;
    }
    return (cut ? "…" : "") + all.toString("utf8");
  }
}
