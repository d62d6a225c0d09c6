// A one-line progress bar on stderr, redrawn per batch on a terminal and printed at every
// quarter when stderr is a file or pipe (so background logs stay readable).

export class ProgressBar {
  private lastQuarter = -1;
  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, detail: string): void {
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${detail}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\x1b[K`);
    } else {
      const quarter = Math.floor((done / this.total) * 4);
      if (quarter !== this.lastQuarter) {
        this.lastQuarter = quarter;
        this.stream.write(line + '\n');
      }
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
