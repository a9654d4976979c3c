// Summaries of latency samples, in milliseconds.

export interface Summary {
  samples: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles: p99 of 1,000 samples is the 990th smallest, a value that was measured. */
export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const rank = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] ?? Number.NaN;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    samples: n,
    median: rank(0.5),
    p90: rank(0.9),
    p99: rank(0.99),
    max: sorted[n - 1] ?? Number.NaN,
    mean: n ? sum / n : Number.NaN,
  };
}
