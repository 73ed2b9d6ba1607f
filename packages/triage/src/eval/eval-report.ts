/** Confusion matrix and per-class figures for one corpus. */
export interface Outcome {
  file: string;
  label: string;
  predicted: string;
}

function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : (n / d).toFixed(3);
}

export function formatReport(title: string, outcomes: Outcome[], labels: string[], predictions: string[], negative: string): string {
  const lines = [`== ${title} (${outcomes.length} messages)`];
  const width = Math.max(9, ...labels.map((l) => l.length + 2));
  lines.push(`${'true \\ predicted'.padEnd(18)}${predictions.map((p) => p.padStart(width)).join('')}`);
  for (const label of labels) {
    const row = predictions.map((p) => String(outcomes.filter((o) => o.label === label && o.predicted === p).length).padStart(width));
    lines.push(`${label.padEnd(18)}${row.join('')}`);
  }
  for (const label of labels.filter((l) => l !== negative)) {
    const predictedAs = (o: Outcome): boolean => (predictions.includes(label) ? o.predicted === label : o.predicted !== 'clean');
    const tp = outcomes.filter((o) => o.label === label && predictedAs(o)).length;
    const positives = outcomes.filter((o) => o.label === label).length;
    const called = outcomes.filter(predictedAs).length;
    lines.push(`${label.padEnd(10)} precision ${pct(tp, called)}  recall ${pct(tp, positives)}`);
  }
  const negatives = outcomes.filter((o) => o.label === negative);
  const falsePositives = negatives.filter((o) => o.predicted !== 'clean').length;
  lines.push(`false-positive rate on ${negative}: ${pct(falsePositives, negatives.length)} (${falsePositives}/${negatives.length} marked spam, scam or spy)`);
  return lines.join('\n');
}
