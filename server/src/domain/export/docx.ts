import { exportLabels } from './labels';
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
  LevelFormat,
  PageOrientation,
  WidthType,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import type { DraftStyle } from '@accord/shared';
import {
  HANGING,
  levelIndent,
  levelText,
  listLevels,
  NUMBERING_REFERENCE,
  STEP,
} from './docx-numbering';
import { withMoves } from './docx-moves';
import {
  wordCommentOptions,
  withWordComments,
  wordThreads,
  type WordComment,
} from './docx-comments';
import { ANNEX_HEADING, docxFootnotes } from './docx-notes';
import { DocxRevisions } from './docx-runs';
import { headerBlock } from './header';
import { blockRunChange, type BlockModel, type DraftModel } from './model';
import type { ExportInput } from './types';

/**
 * Word export: the OAS layout (header block, title, organ line, preamble, operative part with
 * hanging indents) with page numbers in the footer, on the meeting's paper (SPEC.md [AP6]).
 * Every paragraph has a named style (Title, Organ, LeadHeading, Preambular, Operative,
 * Subparagraph, Subparagraph2, Note, DocumentHeader) defined in styles.xml, so a secretariat
 * restyles the whole text at once (SPEC.md [AP5]). Operative numbers are Word list numbering
 * where Word's counting gives the draft's number, and text otherwise ("2 bis", tracked
 * exports): see `docx-numbering.ts`.
 */

/** Times New Roman: the house font; the PDF embeds Tinos, its metric twin. */
export const FONT = 'Times New Roman';

/** Page sizes in twentieths of a point. */
export const PAGES = {
  letter: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 },
} as const;

/** The style id of each block type (sub-paragraphs by level). */
function styleOf(block: BlockModel): string {
  switch (block.type) {
    case 'title':
      return 'Title';
    case 'organ':
      return 'Organ';
    case 'leadHeading':
      return 'LeadHeading';
    case 'preambular':
      return 'Preambular';
    case 'operative':
      return 'Operative';
    case 'subparagraph':
      return block.level === 2 ? 'Subparagraph2' : 'Subparagraph';
    case 'note':
      return 'Note';
  }
}

const JUSTIFIED = { alignment: AlignmentType.JUSTIFIED };

/** The paragraph styles, each based on Normal (Times New Roman 12). */
export function paragraphStyles(): IParagraphStyleOptions[] {
  const style = (
    id: string,
    name: string,
    paragraph: IParagraphStyleOptions['paragraph'],
    run: IParagraphStyleOptions['run'] = {},
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: id,
    quickFormat: true,
    paragraph: { spacing: { after: 240 }, ...paragraph },
    run,
  });
  return [
    style(
      'Title',
      'Title',
      { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, keepNext: true },
      { bold: true },
    ),
    style('Organ', 'Organ', { spacing: { before: 240, after: 240 }, keepNext: true }),
    style('LeadHeading', 'Lead Heading', { spacing: { before: 240, after: 240 }, keepNext: true }),
    style('Preambular', 'Preambular', { ...JUSTIFIED, indent: { firstLine: STEP } }),
    style('Operative', 'Operative', {
      ...JUSTIFIED,
      indent: { left: levelIndent(0), hanging: HANGING },
    }),
    style('Subparagraph', 'Subparagraph', {
      ...JUSTIFIED,
      indent: { left: levelIndent(1), hanging: STEP },
    }),
    style('Subparagraph2', 'Subparagraph 2', {
      ...JUSTIFIED,
      indent: { left: levelIndent(2), hanging: STEP },
    }),
    style('Note', 'Note', {}),
    style('DocumentHeader', 'Document Header', { spacing: { after: 0 } }),
  ];
}

/** The numbering definition of the operative part, in the draft's style ("a." or "(a)"). */
function numberingConfig(style: DraftStyle) {
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return [
    {
      reference: NUMBERING_REFERENCE,
      levels: ([0, 1, 2] as const).map((level) => ({
        level,
        format: formats[level]!,
        text: levelText(level, style),
        alignment: AlignmentType.LEFT,
        style: {
          paragraph: {
            indent: { left: levelIndent(level), hanging: level === 0 ? HANGING : STEP },
          },
        },
      })),
    },
  ];
}

function paragraphOf(
  block: BlockModel,
  revisions: DocxRevisions,
  listLevel: 0 | 1 | 2 | null,
  threads: ReadonlyMap<string, WordComment[]>,
): Paragraph {
  const change = blockRunChange(block);
  const numbered: Partial<IParagraphOptions> =
    listLevel === null ? {} : { numbering: { reference: NUMBERING_REFERENCE, level: listLevel } };
  const children: ParagraphChild[] = [
    ...(listLevel === null ? revisions.label(block.label, change, block.delegation, block.at) : []),
    ...revisions.pieces(block.pieces, block.type === 'title'),
  ];
  if (block.moveNote) {
    // The note says from which paragraph to which, beside Word's own "Moved (from)/(to)".
    const id = revisions.comment(block.delegation ?? '', block.moveNote);
    children.unshift(new CommentRangeStart(id));
    children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
  }
  return new Paragraph({
    style: styleOf(block),
    ...numbered,
    ...(block.annexHeading ? ANNEX_HEADING : {}),
    run: revisions.paragraphMark(change, block.delegation, block.at),
    children: withWordComments(children, (block.id && threads.get(block.id)) || []),
  });
}

/** A paragraph; a moved one's revisions recorded as one half of a Word move. */
function moveAwareParagraph(
  block: BlockModel,
  revisions: DocxRevisions,
  listLevel: 0 | 1 | 2 | null,
  threads: ReadonlyMap<string, WordComment[]>,
): Paragraph {
  const side = block.change === 'moved' ? 'to' : block.change === 'moved_away' ? 'from' : null;
  if (side === null) return paragraphOf(block, revisions, listLevel, threads);
  const author = block.delegation ?? revisions.unattributed;
  revisions.moves.begin(side, block.id ?? '', author, block.at ?? revisions.defaultDate);
  // Children are built now, in document order, so the ids recorded are this half's.
  const paragraph = paragraphOf(block, revisions, listLevel, threads);
  revisions.moves.end();
  return paragraph;
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export function headerTable(input: ExportInput): Table {
  const header = headerBlock(input);
  const cell = (lines: string[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      children: lines.map(
        (line) =>
          new Paragraph({ style: 'DocumentHeader', alignment, children: [new TextRun(line)] }),
      ),
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

export function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'DocumentHeader',
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })],
      }),
    ],
  });
}

export async function renderDocx(model: DraftModel, input: ExportInput): Promise<Buffer> {
  const revisions = new DocxRevisions(
    input.tracked?.changedAt ?? input.generatedAt,
    input.language,
  );
  const levels = model.tracked
    ? model.blocks.map(() => null)
    : listLevels(model.blocks, input.style);
  const threads = wordThreads(input.comments ?? [], exportLabels(input.language).secretariat);
  const body = model.blocks.map((block, i) =>
    moveAwareParagraph(block, revisions, levels[i] ?? null, threads),
  );
  const threadComments = [...threads.values()].flat().flatMap(wordCommentOptions);
  const page = PAGES[input.meeting.paperSize ?? 'letter'];
  const document = new Document({
    title: input.document.title,
    creator: 'Accord',
    description: input.meeting.title,
    // A tracked export is for review: further edits in Word are tracked too.
    features: { trackRevisions: model.tracked },
    comments: { children: [...revisions.comments, ...threadComments] },
    footnotes: docxFootnotes(model.notes, revisions),
    styles: {
      default: { document: { run: { font: FONT, size: 24 } } },
      paragraphStyles: paragraphStyles(),
    },
    numbering: { config: numberingConfig(input.style) },
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
          new Paragraph({ style: 'DocumentHeader', children: [] }),
          ...body,
        ],
      },
    ],
  });
  return withMoves(await Packer.toBuffer(document), revisions.moves.halves, revisions.nextId);
}
