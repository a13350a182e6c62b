/** A one-line progress bar on stderr; on a non-terminal it prints a line every 10% instead. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDecile = -1;
  return {
    update(done: number, total: number) {
      const ratio = total === 0 ? 1 : done / total;
      const secs = (performance.now() - started) / 1000;
      const rate = done / Math.max(secs, 1e-3);
      const text = `${label} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${(100 * ratio).toFixed(0)}% ${Math.round(rate).toLocaleString('en-US')}/s`;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(ratio * width);
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
        if (done >= total) stream.write('\n');
      } else if (Math.floor(ratio * 10) > lastDecile) {
        lastDecile = Math.floor(ratio * 10);
        stream.write(`${text}\n`);
      }
    },
  };
}
