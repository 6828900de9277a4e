// Small statistics helpers for the benchmark: medians of repeated runs and
// percentiles of per-agent times.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const index = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[index]!;
}

/** Runs `step` `repeats` times after `warmup` runs; returns each run's duration in ms. */
export function timeRepeated(step: () => void, repeats: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) step();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    step();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Per-item times in microseconds, measured over `rounds` passes (min per item, to shed GC noise). */
export function perItemMicros(items: unknown[], run: (item: unknown) => void, rounds: number): number[] {
  const best = new Array<number>(items.length).fill(Infinity);
  for (let r = 0; r < rounds; r++) {
    items.forEach((item, i) => {
      const t0 = performance.now();
      run(item);
      const dt = (performance.now() - t0) * 1000;
      if (dt < best[i]!) best[i] = dt;
    });
  }
  return best;
}

export const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
