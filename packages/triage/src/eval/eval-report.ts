/** Confusion matrix and per-class figures for one corpus. */
export interface Outcome {
  file: string;
  label: string;
  predicted: string;
}

function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : (n / d).toFixed(3);
}

/**
 * `labels` are the corpus's classes, `negative` the legitimate one. When the corpus has a single
 * junk class (SpamAssassin's ham/spam), any suspicious verdict counts as catching it.
 */
export function formatReport(
  title: string,
  outcomes: Outcome[],
  labels: string[],
  predictions: string[],
  negative: string,
): string {
  const lines = [`== ${title} (${outcomes.length} messages)`];
  const width = Math.max(9, ...labels.map((l) => l.length + 2));
  lines.push(
    `${'true \\ predicted'.padEnd(18)}${predictions.map((p) => p.padStart(width)).join('')}`,
  );
  for (const label of labels) {
    const row = predictions.map((p) =>
      String(outcomes.filter((o) => o.label === label && o.predicted === p).length).padStart(width),
    );
    lines.push(`${label.padEnd(18)}${row.join('')}`);
  }
  for (const label of labels.filter((l) => l !== negative)) {
    const binary = labels.length === 2;
    const predictedAs = (o: Outcome): boolean =>
      binary ? o.predicted !== 'clean' && o.predicted !== 'error' : o.predicted === label;
    const tp = outcomes.filter((o) => o.label === label && predictedAs(o)).length;
    const positives = outcomes.filter((o) => o.label === label).length;
    const called = outcomes.filter(predictedAs).length;
    lines.push(`${label.padEnd(10)} precision ${pct(tp, called)}  recall ${pct(tp, positives)}`);
  }
  const negatives = outcomes.filter((o) => o.label === negative);
  const falsePositives = negatives.filter(
    (o) => o.predicted !== 'clean' && o.predicted !== 'error',
  ).length;
  lines.push(
    `false-positive rate on ${negative}: ${pct(falsePositives, negatives.length)} (${falsePositives}/${negatives.length} marked spam, scam or spy)`,
  );
  return lines.join('\n');
}
