import { benchExports } from './exports';
import { measureHistory, type HistoryRow } from './history';
import { median } from './timing';

/**
 * The document-side benchmark (part of `npm run bench`): versions and comparisons on a 30-page
 * document as its history doubles up to 100,000 updates, and each export format on a 50-page
 * document. Prints markdown tables; no time is asserted anywhere.
 */

const ms = (value: number) => `${value.toFixed(0)} ms`;

function growth(rows: HistoryRow[], pick: (row: HistoryRow) => number, index: number): string {
  if (index === 0) return '';
  const ratio = pick(rows[index]!) / Math.max(1, pick(rows[index - 1]!));
  return ` (×${ratio.toFixed(2)})`;
}

export async function runDocumentBench(sizes: number[], exportRounds: number): Promise<string> {
  const rows: HistoryRow[] = [];
  for (const size of sizes) {
    process.stderr.write(`history: ${size} updates…\n`);
    rows.push(await measureHistory(size));
  }
  const columns: [string, (row: HistoryRow) => number][] = [
    ['open (first load)', (r) => r.openMs],
    ['create a version', (r) => r.createVersionMs],
    ['read a version', (r) => r.readVersionMs],
    ['compare the two halves', (r) => r.compareHalvesMs],
    ['compare last version ↔ now', (r) => r.compareRecentMs],
  ];
  const lines = [
    '### Versions of a 30-page document (240 operative paragraphs, ~90,000 characters)',
    '',
    `| history (updates) | Yjs state | ${columns.map(([name]) => name).join(' | ')} |`,
    `|---:|---:|${columns.map(() => '---:').join('|')}|`,
    ...rows.map(
      (row, i) =>
        `| ${row.updates.toLocaleString('en')} | ${row.stateKB.toFixed(0)} KB | ${columns
          .map(([, pick]) => `${ms(pick(row))}${growth(rows, pick, i)}`)
          .join(' | ')} |`,
    ),
    '',
    '(×n): the time relative to the row above, where the history is half as long. The text stays',
    '30 pages; the Yjs state grows with the history (deleted text leaves tombstones), and creating',
    'or reading a version costs in proportion to that state, never to the number of logged updates.',
    '',
  ];
  process.stderr.write('exports…\n');
  const rounds: { format: string; ms: number }[][] = [];
  for (let i = 0; i < exportRounds; i++) rounds.push(await benchExports());
  lines.push(
    `### Export of a 50-page document (median of ${exportRounds})`,
    '',
    '| format | time |',
    '|---|---:|',
    ...(rounds[0] ?? []).map(
      ({ format }) =>
        `| ${format} | ${ms(median(rounds.map((r) => r.find((x) => x.format === format)?.ms ?? 0)))} |`,
    ),
    '',
  );
  return lines.join('\n');
}
