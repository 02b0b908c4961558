// A one-line progress bar on stderr for long operator commands: rewritten in place with \r
// on a terminal, one line per finished phase otherwise (CI logs, pipes).
export interface Progress {
  /** Starts a phase of `total` units. */
  phase(label: string, total: number): void;
  tick(units?: number): void;
  done(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let label = '';
  let total = 1;
  let current = 0;
  let phaseStarted = started;
  let lastDraw = 0;
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const draw = (force = false) => {
    if (!stream.isTTY) return;
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const ratio = Math.min(1, current / total);
    const width = 30;
    const filled = Math.round(ratio * width);
    stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${label} ${current.toLocaleString('en-US')}/${total.toLocaleString('en-US')} · ${seconds(started)}`);
  };
  const finishPhase = () => {
    if (!label) return;
    if (stream.isTTY) stream.write('\r\x1b[K');
    stream.write(`${label}: ${total.toLocaleString('en-US')} in ${seconds(phaseStarted)}\n`);
    label = '';
  };
  return {
    phase(next, size) {
      finishPhase();
      label = next;
      total = Math.max(1, size);
      current = 0;
      phaseStarted = Date.now();
      draw(true);
    },
    tick(units = 1) {
      current += units;
      draw();
    },
    done() {
      finishPhase();
      stream.write(`done in ${seconds(started)}\n`);
    },
  };
}
