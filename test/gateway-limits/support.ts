/** Helpers for the limits tests: count job starts per one-second window from the first start. */
export function startsPerSecond(starts: readonly number[]): number[] {
  if (starts.length === 0) return [];
  const first = Math.min(...starts);
  const windows: number[] = [];
  for (const start of starts) {
    const index = Math.floor((start - first) / 1000);
    windows[index] = (windows[index] ?? 0) + 1;
  }
  return Array.from(windows, (count) => count ?? 0);
}

/** The most starts in any sliding one-second window: stricter than fixed windows, which a burst could straddle. */
export function maxStartsInAnySecond(starts: readonly number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
