import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { ANNEX_HEADING, docxFootnotes } from './docx-notes';
import { DocxRevisions } from './docx-runs';
import { headerBlock } from './header';
import { blockRunChange, type BlockModel, type DraftModel } from './model';
import type { ExportInput } from './types';

/**
 * Word export: the OAS layout (header block, title, organ line, preamble, operative part with
 * hanging indents) with page numbers in the footer. Numbers are written as text, not Word list
 * numbering: "2 bis" cannot be a Word list number, and written numbers let a tracked export show
 * a renumbered paragraph's old and new number, so that accepting or rejecting every revision
 * gives each version's numbering exactly (Word and pandoc agree on it).
 */

/** Twentieths of a point: half an inch, the indent step of the operative part. */
const STEP = 720;
const FONT = 'Times New Roman';

function layout(block: BlockModel): Partial<IParagraphOptions> {
  switch (block.type) {
    case 'title':
      return { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } };
    case 'organ':
    case 'leadHeading':
      return { spacing: { before: 240, after: 240 }, keepNext: true };
    case 'preambular':
      return { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: STEP } };
    case 'operative':
      return { alignment: AlignmentType.JUSTIFIED, indent: { left: STEP, hanging: STEP } };
    case 'subparagraph':
      return {
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: STEP * (block.level + 1), hanging: STEP },
      };
    case 'note':
      return {};
  }
}

function paragraphOf(block: BlockModel, revisions: DocxRevisions): Paragraph {
  const change = blockRunChange(block);
  const children: ParagraphChild[] = [
    ...revisions.label(block.label, change, block.delegation, block.at),
    ...revisions.pieces(block.pieces, block.type === 'title'),
  ];
  if (block.moveNote) {
    // Word's move markup is not in the library: the comment ties the two halves of a move.
    const id = revisions.comment(block.delegation ?? '', block.moveNote);
    children.unshift(new CommentRangeStart(id));
    children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
  }
  return new Paragraph({
    spacing: { after: 240 },
    ...layout(block),
    ...(block.annexHeading ? ANNEX_HEADING : {}),
    run: revisions.paragraphMark(change, block.delegation, block.at),
    children,
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function headerTable(input: ExportInput): Table {
  const header = headerBlock(input);
  const cell = (lines: string[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      children: lines.map((line) => new Paragraph({ alignment, children: [new TextRun(line)] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [
      new TableRow({
        children: [cell(header.left, AlignmentType.LEFT), cell(header.right, AlignmentType.RIGHT)],
      }),
    ],
  });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })],
      }),
    ],
  });
}

export async function renderDocx(model: DraftModel, input: ExportInput): Promise<Buffer> {
  const revisions = new DocxRevisions(input.tracked?.changedAt ?? input.generatedAt);
  const body = model.blocks.map((block) => paragraphOf(block, revisions));
  const document = new Document({
    title: input.document.title,
    creator: 'Accord',
    description: input.meeting.title,
    // A tracked export is for review: further edits in Word are tracked too.
    features: { trackRevisions: model.tracked },
    comments: { children: revisions.comments },
    footnotes: docxFootnotes(model.notes),
    styles: {
      default: { document: { run: { font: FONT, size: 24 } } },
    },
    sections: [
      {
        properties: {
          page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } },
        },
        footers: { default: footer() },
        children: [headerTable(input), new Paragraph({ children: [] }), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
