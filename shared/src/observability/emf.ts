/** One metric value read back from an EMF document: name, unit, dimensions and values. */
export interface EmfValue {
  namespace: string;
  name: string;
  unit: string;
  dimensions: Record<string, string>;
  values: number[];
}

interface EmfDocument {
  _aws?: { CloudWatchMetrics?: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit?: string }[] }[] };
  [key: string]: unknown;
}

/**
 * Reads CloudWatch embedded-metric-format lines (other lines are skipped) into metric values, as
 * CloudWatch would extract them; for run summaries and tests.
 */
export function parseEmf(lines: Iterable<string>): EmfValue[] {
  const out: EmfValue[] = [];
  for (const line of lines) {
    if (!line.startsWith('{') || !line.includes('"_aws"')) continue;
    const doc = JSON.parse(line) as EmfDocument;
    for (const directive of doc._aws?.CloudWatchMetrics ?? []) {
      const dimensions = Object.fromEntries((directive.Dimensions[0] ?? []).map((d) => [d, String(doc[d])]));
      for (const m of directive.Metrics) {
        const v = doc[m.Name];
        out.push({ namespace: directive.Namespace, name: m.Name, unit: m.Unit ?? 'None', dimensions, values: (Array.isArray(v) ? v : [v]).map(Number) });
      }
    }
  }
  return out;
}

/** Sum of every value of `name` whose dimensions include `where`. */
export function emfSum(values: EmfValue[], name: string, where: Record<string, string> = {}): number {
  return values
    .filter((v) => v.name === name && Object.entries(where).every(([k, x]) => v.dimensions[k] === x))
    .reduce((n, v) => n + v.values.reduce((a, b) => a + b, 0), 0);
}

/** Every value of `name`, e.g. to take percentiles as CloudWatch does. */
export function emfValues(values: EmfValue[], name: string): number[] {
  return values.filter((v) => v.name === name).flatMap((v) => v.values);
}
