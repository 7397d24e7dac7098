import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { FONT, footer, headerTable, PAGES, paragraphStyles } from './docx';
import { cleanText } from './model';
import { proposalLine, tableLabels, type TableRowModel } from './compilation-table';
import type { ExportInput } from './types';

/**
 * The tabular compilation as a Word document: the header block, the title, then a real Word
 * table (`w:tbl`) with a header row repeated on every page and one row per paragraph: number,
 * agreed text, and one line per open proposal naming its delegations. A secretariat edits and
 * restyles it as any Word table.
 */

/** Column widths in percent: number, agreed text, proposals. */
const WIDTHS = [10, 50, 40] as const;

function cell(lines: string[], width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: (lines.length ? lines : ['']).map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }),
    ),
  });
}

export async function renderCompilationTableDocx(
  input: ExportInput,
  rows: readonly TableRowModel[],
): Promise<Buffer> {
  const labels = tableLabels(input.language);
  const head = new TableRow({
    tableHeader: true,
    children: [labels.paragraph, labels.agreed, labels.proposals].map((text, i) =>
      cell([text], WIDTHS[i]!, true),
    ),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: false,
        children: [
          cell([row.label], WIDTHS[0]),
          cell([row.agreed], WIDTHS[1]),
          cell(
            row.proposals.map((p) => proposalLine(p, input.language)),
            WIDTHS[2],
          ),
        ],
      }),
  );
  const page = PAGES[input.meeting.paperSize ?? 'letter'];
  const document = new Document({
    title: input.document.title,
    creator: 'Accord',
    description: input.meeting.title,
    styles: {
      default: { document: { run: { font: FONT, size: 22 } } },
      paragraphStyles: paragraphStyles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { ...page, orientation: PageOrientation.PORTRAIT },
            margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
          },
        },
        footers: { default: footer() },
        children: [
          headerTable(input),
          new Paragraph({
            style: 'Title',
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: cleanText(input.document.title), bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun(labels.heading)],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...body] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
