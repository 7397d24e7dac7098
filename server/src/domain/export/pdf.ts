import { commentEndnotes } from '../comments-endnotes';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { exportLabels } from './labels';
import { footnotesAfter, noteText } from './footnotes';
import { headerBlock, revisionAuthors } from './header';
import {
  readerLabel,
  UNATTRIBUTED,
  type BlockModel,
  type BracketNote,
  type DraftModel,
  type LabelPart,
  type Piece,
  type RunChange,
} from './model';
import type { ExportInput, PaperSize } from './types';

/**
 * PDF with pdfmake 0.3 in Node, no browser. Font: Tinos, the serif metric-compatible with Times
 * New Roman that the DOCX names and the HTML asks for first, so the three formats set the same
 * family with the same widths (SPEC.md [AP7]). Its TrueType files come from the
 * `@expo-google-fonts/tinos` package (Apache-2.0 font, see that package's LICENSE_FONT; Latin,
 * Latin Extended, Greek, Cyrillic, Hebrew), embedded and subset by pdfkit, so `npm ci` is all a
 * fresh machine needs. We drive pdfmake's `Printer` class directly instead of its module-level
 * singleton: fonts are per call, no global state, and no URL fetching (the resolver below
 * refuses every URL; drafts contain no images anyway).
 */

interface PdfInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  sup?: boolean;
  decoration?: 'underline' | 'lineThrough';
  color?: string;
  noWrap?: boolean;
}

export type PdfContent = Record<string, unknown>;

interface PdfKitDocument extends Readable {
  end(): void;
}

interface PdfPrinter {
  createPdfKitDocument(definition: PdfContent, options?: PdfContent): Promise<PdfKitDocument>;
}

type PrinterClass = new (
  fonts: Record<string, Record<string, string>>,
  virtualfs: null,
  urlResolver: { resolve(url: string): Promise<void>; resolved(): Promise<void[]> },
  localAccessPolicy: (path: string) => boolean,
) => PdfPrinter;

const require = createRequire(import.meta.url);
const Printer = (require('pdfmake/js/Printer') as { default: PrinterClass }).default;
const FONT_DIR = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

function fonts(): Record<string, Record<string, string>> {
  // A fresh object per document: pdfmake rewrites the descriptors while resolving them.
  const face = (name: string) => join(FONT_DIR, name, `Tinos_${name}.ttf`);
  return {
    Tinos: {
      normal: face('400Regular'),
      bold: face('700Bold'),
      italics: face('400Regular_Italic'),
      bolditalics: face('700Bold_Italic'),
    },
  };
}

/** pdfmake's names of the meeting's paper sizes. */
const PAGE_SIZES: Record<PaperSize, string> = { letter: 'LETTER', a4: 'A4' };

const NO_URLS = {
  resolve: () => Promise.resolve(),
  resolved: () => Promise.resolve([]),
};

const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d'];

/** The longest word kept unbreakable, in characters; a longer one is a web address or similar. */
const LONGEST_UNBROKEN = 40;

/**
 * Cuts inlines into words that pdfmake must not break: one piece per word with the spaces after
 * it. pdfmake breaks lines where Unicode allows (after "/" and "-" too) and justifies a line by
 * spreading its slack between those pieces, so "AG/RES. 2089 (XXXV-O/05)" printed as
 * "AG/ RES. 2089 (XXXV- O/ 05)". With whole words as unbreakable pieces the slack goes only
 * where there is a space (SPEC.md [AP8]).
 */
function words(inlines: PdfInline[]): PdfInline[] {
  return inlines.flatMap((inline) =>
    (inline.text.match(/\S*\s*/g) ?? [])
      .filter((word) => word !== '')
      // A very long token (a web address) may still break where Unicode allows, rather than
      // run past the margin.
      .map((word) =>
        word.length > LONGEST_UNBROKEN
          ? { ...inline, text: word }
          : { ...inline, text: word, noWrap: true },
      ),
  );
}

/**
 * Bidi controls (LRM, RLM, embeddings, isolates) are invisible and pdfkit lays text out left to
 * right without a bidi algorithm; the font has no glyph for them, so they would print as boxes.
 */
export function printable(text: string): string {
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Joins neighbouring inlines of one style. pdfmake justifies a line by spreading the slack
 * between its inlines, so "[" and the word after it as two inlines would print "[ word".
 */
function merge(inlines: PdfInline[]): PdfInline[] {
  const out: PdfInline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    const same =
      last &&
      last.bold === inline.bold &&
      last.italics === inline.italics &&
      last.sup === inline.sup &&
      last.decoration === inline.decoration &&
      last.color === inline.color;
    if (same) last.text += inline.text;
    else out.push({ ...inline });
  }
  return out;
}

class PdfRevisions {
  private readonly colours = new Map<string, string>();

  inline(change: RunChange, delegation: string | null, inline: PdfInline): PdfInline {
    if (change === 'equal') return inline;
    return {
      ...inline,
      decoration: change === 'insert' ? 'underline' : 'lineThrough',
      color: this.colour(delegation ?? ''),
    };
  }

  colour(delegation: string): string {
    let colour = this.colours.get(delegation);
    if (!colour) {
      colour = PALETTE[this.colours.size % PALETTE.length] ?? '#000000';
      this.colours.set(delegation, colour);
    }
    return colour;
  }

  pieces(pieces: Piece[]): PdfInline[] {
    return words(merge(this.unmerged(pieces)));
  }

  private unmerged(pieces: Piece[]): PdfInline[] {
    return pieces.flatMap((piece): PdfInline[] => {
      if (piece.kind === 'text') {
        const inline = { text: printable(piece.text), bold: piece.bold, italics: piece.italic };
        if (inline.text === '') return [];
        const references = footnotesAfter(piece).map((ref) =>
          this.inline(ref.change, ref.delegation, { text: String(ref.number), sup: true }),
        );
        return [this.inline(piece.change, piece.delegation, inline), ...references];
      }
      const mark = this.inline(piece.change, piece.delegation, {
        text: piece.kind === 'open' ? '[' : ']',
        bold: false,
        italics: false,
      });
      if (piece.kind === 'open' || piece.note === null) return [mark];
      return [mark, { text: String(piece.note), sup: true }];
    });
  }

  label(parts: LabelPart[]): PdfInline[] {
    return merge(
      readerLabel(parts).map((p) =>
        this.inline(p.change, p.delegation, { text: printable(p.text) }),
      ),
    );
  }
}

/** The indent step: half an inch, as in the DOCX. */
const INDENT = 36;
/**
 * The number column of a hanging indent: wide enough for "10 bis." at the body size, so a
 * frozen number stays inside the margin and on the line of its text (SPEC.md [AP9]).
 */
const NUMBER_COLUMN = 48;

function blockContent(block: BlockModel, revisions: PdfRevisions): PdfContent {
  // An annex starts on a new page, under its heading.
  if (block.annexHeading) {
    return {
      text: revisions.pieces(block.pieces),
      bold: true,
      alignment: 'center',
      pageBreak: 'before',
      margin: [0, 12, 0, 12],
    };
  }
  const text: PdfInline[] = revisions.pieces(block.pieces);
  if (block.moveNote) {
    text.push({ text: ` — ${block.moveNote}`, italics: true, color: '#555555' });
  }
  const margin = [0, 0, 0, 10];
  switch (block.type) {
    case 'title':
      return { text, bold: true, alignment: 'center', margin: [0, 12, 0, 12] };
    case 'organ':
    case 'leadHeading':
      return { text, margin: [0, 6, 0, 10] };
    case 'preambular':
      return { text, alignment: 'justify', leadingIndent: INDENT, margin };
    case 'note':
      return { text, margin };
    case 'operative':
    case 'subparagraph': {
      // A hanging indent: the number in its own column, the text aligned after it.
      const left = block.type === 'operative' ? 0 : INDENT * block.level;
      return {
        columns: [
          // Right-aligned against the text, so the number and the first line read as one
          // line to text extractors (pdftotext) and to screen readers, not as two columns.
          {
            width: NUMBER_COLUMN,
            text: revisions.label(block.label),
            alignment: 'right',
            margin: [0, 0, 6, 0],
          },
          { width: '*', text, alignment: 'justify' },
        ],
        columnGap: 0,
        margin: [left, 0, 0, 10],
      };
    }
  }
}

/**
 * One line of the notes: a note only one version has is struck through (or underlined) in its
 * delegation's colour and says who took it off or put it on, since a reader of the printed or
 * extracted text sees no colour.
 */
function noteLine(note: BracketNote, revisions: PdfRevisions, language: string): PdfContent {
  const line = `${note.number}. ${printable(noteText(note, language))}`;
  if (!note.change) return { text: line };
  const labels = exportLabels(language);
  const who = note.delegation ?? UNATTRIBUTED;
  const said = note.change === 'insert' ? labels.insertedBy(who) : labels.deletedBy(who);
  return {
    text: [revisions.inline(note.change, who, { text: line }), { text: ` (${printable(said)})` }],
  };
}

export async function renderPdf(model: DraftModel, input: ExportInput): Promise<Buffer> {
  const revisions = new PdfRevisions();
  const content: PdfContent[] = [
    pdfHeader(input),
    ...model.blocks.map((block) => blockContent(block, revisions)),
  ];
  if (model.notes.length) {
    content.push({
      margin: [0, 18, 0, 0],
      fontSize: 9,
      stack: model.notes.map((n) => noteLine(n, revisions, input.language)),
    });
  }
  const endnotes = commentEndnotes(input.comments, model.blocks, input.language);
  if (endnotes.length) {
    content.push({
      margin: [0, 18, 0, 0],
      fontSize: 9,
      stack: [
        { text: exportLabels(input.language).comments, bold: true },
        ...endnotes.map(
          (n, i) => `${i + 1}. ${printable(n.where)}. ${n.lines.map(printable).join(' ')}`,
        ),
      ],
    });
  }
  if (model.tracked) {
    const authors = revisionAuthors(
      // A note put on or taken off counts: its delegation may have changed nothing else.
      model.blocks.flatMap((b) => [
        ...readerLabel(b.label),
        ...b.pieces.flatMap((p) => [p, ...footnotesAfter(p)]),
      ]),
    );
    content.push({
      margin: [0, 18, 0, 0],
      fontSize: 9,
      text: [
        exportLabels(input.language).changesSince(printable(input.tracked?.fromLabel ?? '')),
        ...authors.map((a, i) => ({
          text: `${i ? ', ' : ''}${printable(a)}`,
          color: revisions.colour(a),
        })),
      ],
    });
  }
  return printPdf(input, content);
}

/** The page every Accord PDF is set on: the meeting's paper, Tinos, page numbers in the footer. */
export function pdfPage(input: ExportInput, content: PdfContent[]): PdfContent {
  return {
    info: { title: printable(input.document.title), creator: 'Accord', producer: 'Accord' },
    language: input.language,
    pageSize: PAGE_SIZES[input.meeting.paperSize ?? 'letter'],
    pageMargins: [64, 56, 64, 64],
    defaultStyle: { font: 'Tinos', fontSize: 11, lineHeight: 1.2 },
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 24, 0, 0],
    }),
    content,
  };
}

/** Prints `content` on the meeting's page (see `pdfPage`). */
export async function printPdf(input: ExportInput, content: PdfContent[]): Promise<Buffer> {
  const definition = pdfPage(input, content);
  const printer = new Printer(fonts(), null, NO_URLS, (path) => path.startsWith(FONT_DIR));
  const document = await printer.createPdfKitDocument(definition);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}

/** The document header's two columns (meeting left, symbol and date right). */
export function pdfHeader(input: ExportInput): PdfContent {
  const header = headerBlock(input);
  return {
    columns: [
      { width: '*', stack: header.left.map(printable) },
      { width: '*', stack: header.right.map(printable), alignment: 'right' },
    ],
    margin: [0, 0, 0, 24],
  };
}
