// Progress on stderr: a bar redrawn in place on a terminal, a plain line now and then when piped to a log.
export interface Progress {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  let lastLine = 0;
  let lastPercent = -1;
  let lastLabel = '';
  return {
    update(done, total, label) {
      const share = total === 0 ? 1 : done / total;
      const percent = Math.floor(share * 100);
      const counts = `${done.toLocaleString('nb-NO')}/${total.toLocaleString('nb-NO')}`;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)} % ${counts} ${label}`.slice(0, (stream.columns ?? 120) - 1).padEnd(Math.min(stream.columns ?? 120, 120) - 1));
        return;
      }
      const now = Date.now();
      if (label !== lastLabel || (percent !== lastPercent && (now - lastLine >= 2_000 || done === total))) {
        stream.write(`${percent} % ${counts} ${label}\n`);
        lastLine = now;
        lastPercent = percent;
        lastLabel = label;
      }
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
