import { cleanText } from './model';
import { proposalLine, tableLabels, type TableRowModel } from './compilation-table';
import { pdfHeader, printable, printPdf, type PdfContent } from './pdf';
import type { ExportInput } from './types';

/**
 * The tabular compilation as a PDF: the header block, the title, then a ruled table whose
 * header row repeats on every page, one row per paragraph (number, agreed text, one line per
 * open proposal naming its delegations), on the meeting's paper.
 */
export function renderCompilationTablePdf(
  input: ExportInput,
  rows: readonly TableRowModel[],
): Promise<Buffer> {
  const labels = tableLabels(input.language);
  const head = [labels.paragraph, labels.agreed, labels.proposals].map((text) => ({
    text,
    bold: true,
  }));
  const body = rows.map((row) => [
    printable(row.label),
    { text: printable(row.agreed), alignment: 'justify' },
    { stack: row.proposals.map((p) => printable(proposalLine(p, input.language))) },
  ]);
  const content: PdfContent[] = [
    pdfHeader(input),
    {
      text: printable(cleanText(input.document.title)),
      bold: true,
      alignment: 'center',
      margin: [0, 12, 0, 4],
    },
    { text: labels.heading, alignment: 'center', margin: [0, 0, 0, 12] },
    {
      table: { headerRows: 1, widths: [48, '*', '40%'], body: [head, ...body] },
      fontSize: 10,
    },
  ];
  return printPdf(input, content);
}
