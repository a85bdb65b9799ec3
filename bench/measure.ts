/** Minimal, dependency-free throughput measurement: warm up, then run for a fixed time and count. */
export interface Throughput {
  name: string;
  opsPerSecond: number;
  microsecondsPerOp: number;
  iterations: number;
}

export function measureSync(name: string, fn: () => unknown, options: { warmupMs?: number; runMs?: number } = {}): Throughput {
  const warmupMs = options.warmupMs ?? 300;
  const runMs = options.runMs ?? 1500;
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) fn();
  let iterations = 0;
  const start = performance.now();
  let now = start;
  // Check the clock every 16 calls: cheap calls would otherwise mostly measure performance.now().
  while (now - start < runMs) {
    for (let i = 0; i < 16; i++) fn();
    iterations += 16;
    now = performance.now();
  }
  const seconds = (now - start) / 1000;
  return { name, opsPerSecond: iterations / seconds, microsecondsPerOp: (seconds * 1e6) / iterations, iterations };
}

export function formatTable(rows: Throughput[], baseline?: Throughput): string {
  const header = ['case', 'ops/s', 'µs/op', baseline ? `× ${baseline.name}` : ''];
  const lines = rows.map((r) => [
    r.name,
    Math.round(r.opsPerSecond).toLocaleString('en-US'),
    r.microsecondsPerOp.toFixed(1),
    baseline ? (r.microsecondsPerOp / baseline.microsecondsPerOp).toFixed(2) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(render)].join('\n');
}
