import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { renderAnnexes, splitAnnexes } from './akn-annex';
import { authorialNote } from './akn-notes';
import { exportLabels } from './labels';
import { bracketNoteText, formatDay, originalLine } from './header';
import type { BlockModel, DraftModel, Piece } from './model';
import type { ExportInput } from './types';

/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML), valid against `tests/fixtures/akn/akomantoso30.xsd`. The
 * document type follows the template's kind (`documentType`): resolutions, recommendations and
 * declarations are `statement`s of that name, a report is a `doc` named `report` (AKN keeps
 * `statement` for what a body declares or resolves, `doc` for any other document). The preface
 * carries the apparatus: `docNumber` (the symbol), `docDate`, `docStatus`, `docProponent` (the
 * meeting) and the "Original:" line; paragraph status (agreed, ad referendum) is metadata in
 * `proprietary`, keyed by `eId` (SPEC.md [AP10]). Preface: title and notes before the organ line. Preamble: the
 * organ line and the operative heading as `formula`s, preambular paragraphs grouped into
 * `citations` (what the organ has seen or recalls) and `recitals` (its considerations), a
 * standing lead-word heading becoming the group's `intro`. Main body: numbered `paragraph`s,
 * their text an `intro` when sub-paragraphs follow. `eId` follows the visible numbering
 * (`para_3`, `para_3__subpara_a`), `wId` keeps the stable id. Text goes through xmlbuilder2,
 * which escapes it.
 */

const NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Lead words of citations, in the OAS languages; anything else in a preamble is a recital. */
const CITATION_LEAD =
  /^\s*(having seen|seen|having regard|recalling|bearing in mind|visto|vistos|habiendo visto|recordando|teniendo presente|ayant vu|vu|rappelant|tenant compte|tendo visto|lembrando|tendo presente)\b/i;
/** Any lead word at all: capitals or an italic participle start a paragraph's own lead. */
const RECITAL_LEAD =
  /^\s*(considering|noting|taking note|recognizing|acknowledging|welcoming|emphasizing|reaffirming|expressing|convinced|aware|concerned|considerando|reconociendo|tomando nota|reafirmando|considérant|reconnaissant|prenant note|reconhecendo|tomando nota)\b/i;

/** The namespace of Accord's own metadata inside `proprietary`. */
const ACCORD_NS = 'urn:accord:akn:1.0';

/** `[element, name]` of the Akoma Ntoso document for a template kind. */
export function documentType(kind: string | undefined): ['statement' | 'doc', string] {
  switch (kind) {
    case 'report':
      return ['doc', 'report'];
    case 'ministerial_declaration':
      return ['statement', 'declaration'];
    case 'policy_recommendation':
    case 'program_recommendation':
      return ['statement', 'recommendation'];
    default:
      return ['statement', 'resolution'];
  }
}

const ISO_639_2: Record<string, string> = { en: 'eng', es: 'spa', fr: 'fra', pt: 'por' };

function blockText(block: BlockModel): string {
  return block.pieces
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'open' ? '[' : ']'))
    .join('');
}

function kindOf(text: string, heading: 'citation' | 'recital' | null): 'citation' | 'recital' {
  if (CITATION_LEAD.test(text)) return 'citation';
  if (RECITAL_LEAD.test(text)) return 'recital';
  return heading ?? 'recital';
}

/** Writes inline pieces: bold `b`, italic `i`, a bracket a `span class="bracket"`. */
function inline(parent: XMLBuilder, pieces: Piece[], language: string): void {
  let target = parent;
  for (const piece of pieces) {
    if (piece.kind === 'open') {
      target = parent.ele(NS, 'span', { class: 'bracket' });
      if (piece.delegations.length)
        target.att('title', bracketNoteText(piece.delegations, language));
      target.txt('[');
    } else if (piece.kind === 'close') {
      target.txt(']');
      target = parent;
    } else if (piece.text !== '') {
      let node = target;
      if (piece.bold) node = node.ele(NS, 'b');
      if (piece.italic) node = node.ele(NS, 'i');
      node.txt(piece.text);
      authorialNote(target, piece);
    }
  }
}

function p(parent: XMLBuilder, block: BlockModel, language: string): void {
  inline(parent.ele(NS, 'p'), block.pieces, language);
}

class EIds {
  private readonly used = new Set<string>();
  private readonly counts = new Map<string, number>();
  /** Paragraph statuses met on the way, by `eId`, for the `proprietary` metadata. */
  readonly statuses: [string, string][] = [];

  /** The next of a numbered series: `cit_1`, `cit_2`, … (AKN naming convention). */
  numbered(base: string): string {
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    return this.take(`${base}_${n}`);
  }

  /** `base`, or `base_2`, `base_3`… when a duplicate number (two "2 bis") already took it. */
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

function numberId(value: string | null): string {
  return (value ?? '0').replace(/[^A-Za-z0-9]+/g, '');
}

function ids(element: XMLBuilder, eId: string, block: BlockModel, eIds: EIds): void {
  element.att('eId', eId);
  if (block.id) element.att('wId', block.id.replace(/\s+/g, '_'));
  if (block.status && block.status !== 'none') eIds.statuses.push([eId, block.status]);
}

function identification(meta: XMLBuilder, input: ExportInput): void {
  const created = input.document.createdAt.slice(0, 10);
  const generated = input.generatedAt.toISOString().slice(0, 10);
  const language = ISO_639_2[input.language] ?? input.language;
  const [element, name] = documentType(input.document.kind);
  // The work is named by its symbol when it has one, as the OAS files it; else by its id.
  const number = input.document.symbol || input.document.id;
  const work = `/akn/oas/${element}/${name}/${created}/${encodeURIComponent(number)}`;
  const expression = `${work}/${language}@${generated}`;
  const frbr = (name: string, uri: string, date: string, dateName: string, author: string) => {
    const level = identificationNode.ele(NS, name);
    level.ele(NS, 'FRBRthis', { value: `${uri}/!main` });
    level.ele(NS, 'FRBRuri', { value: uri });
    level.ele(NS, 'FRBRdate', { date, name: dateName });
    level.ele(NS, 'FRBRauthor', { href: author });
    return level;
  };
  const identificationNode = meta.ele(NS, 'identification', { source: '#accord' });
  const workNode = frbr('FRBRWork', work, created, 'created', '#meeting');
  workNode.ele(NS, 'FRBRcountry', { value: 'oas' });
  if (input.document.symbol) workNode.ele(NS, 'FRBRnumber', { value: input.document.symbol });
  workNode.ele(NS, 'FRBRname', { value: input.document.title });
  const expressionNode = frbr('FRBRExpression', expression, generated, 'version', '#meeting');
  if (input.versionLabel)
    expressionNode.ele(NS, 'FRBRversionNumber', { value: input.versionLabel });
  expressionNode.ele(NS, 'FRBRlanguage', { language });
  const manifestation = frbr(
    'FRBRManifestation',
    `${expression}.akn`,
    generated,
    'generation',
    '#accord',
  );
  manifestation.ele(NS, 'FRBRformat', { value: 'application/akn+xml' });
  const references = meta.ele(NS, 'references', { source: '#accord' });
  references.ele(NS, 'TLCOrganization', {
    eId: 'meeting',
    href: '/akn/ontology/organization/oas/meeting',
    showAs: input.meeting.title,
  });
  references.ele(NS, 'TLCOrganization', {
    eId: 'accord',
    href: '/akn/ontology/organization/accord',
    showAs: 'Accord',
  });
}

/** The apparatus at the head of the preface: symbol, date, status, proponent, original language. */
function apparatus(preface: XMLBuilder, input: ExportInput): void {
  if (input.document.symbol) {
    preface.ele(NS, 'p').ele(NS, 'docNumber').txt(input.document.symbol);
  }
  preface
    .ele(NS, 'p')
    .ele(NS, 'docDate', { date: input.generatedAt.toISOString().slice(0, 10) })
    .txt(formatDay(input.generatedAt, input.language, input.meeting.timeZone));
  const labels = exportLabels(input.language);
  const status = input.document.status === 'locked' ? labels.finalText : labels.draft;
  const version = input.versionLabel ? `, ${input.versionLabel}` : '';
  preface.ele(NS, 'p').ele(NS, 'docStatus').txt(`${status}${version}`);
  if (input.meeting.title) {
    preface.ele(NS, 'p').ele(NS, 'docProponent', { refersTo: '#meeting' }).txt(input.meeting.title);
  }
  preface
    .ele(NS, 'p', { class: 'original' })
    .txt(originalLine(input.language, input.originalLanguage ?? input.language));
}

/** Paragraph statuses, which Akoma Ntoso has no attribute for, as Accord's own metadata. */
function statuses(meta: XMLBuilder, eIds: EIds): void {
  if (eIds.statuses.length === 0) return;
  const proprietary = meta.ele(NS, 'proprietary', { source: '#accord' });
  for (const [eId, status] of eIds.statuses) {
    proprietary.ele(ACCORD_NS, 'accord:paragraphStatus', { href: `#${eId}`, status });
  }
}

/**
 * Serialises without indentation, then breaks lines only before block elements: pretty
 * printing would indent the text of a paragraph that holds a `b` or a bracket `span`, adding
 * whitespace to mixed content (SPEC.md [AP11]). The elements named here never stand inside
 * mixed content, so a line break next to them is ignorable whitespace.
 */
const BLOCK_ELEMENTS =
  'statement|doc|attachments|attachment|meta|identification|FRBR\\w+|references|TLC\\w+|proprietary|accord:paragraphStatus|preface|preamble|citations|recitals|citation|recital|formula|mainBody|paragraph|subparagraph|num|intro|content|p';
function serialise(root: XMLBuilder): string {
  const flat = root.end({ prettyPrint: false });
  return (
    flat
      .replace(new RegExp(`(?=<(?:${BLOCK_ELEMENTS})[\\s/>])`, 'g'), '\n')
      .replace(new RegExp(`(</(?:${BLOCK_ELEMENTS})>)(?=</)`, 'g'), '$1\n')
      .replace(/^\n/, '')
      .replace(/^(<\?xml[^>]*\?>)/, '$1\n') + '\n'
  );
}

export function renderAkn(model: DraftModel, input: ExportInput): string {
  // Bracket notes in the document's language, as every other fixed word of the export.
  const para = (parent: XMLBuilder, block: BlockModel) => p(parent, block, input.language);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS, 'akomaNtoso');
  const [element, name] = documentType(input.document.kind);
  const statement = root.ele(NS, element, { name, contains: 'originalVersion' });
  const meta = statement.ele(NS, 'meta');
  identification(meta, input);
  const eIds = new EIds();
  const { main: blocks, annexes } = splitAnnexes(model.blocks);
  const firstBody = blocks.findIndex((b) => b.type === 'operative' || b.type === 'subparagraph');
  const bodyStart = firstBody < 0 ? blocks.length : firstBody;
  const firstPreamble = blocks.findIndex(
    (b, i) => i < bodyStart && b.type !== 'title' && b.type !== 'note',
  );
  const prefaceEnd = firstPreamble < 0 ? bodyStart : firstPreamble;

  const prefaceBlocks = blocks.slice(0, prefaceEnd);
  {
    const preface = statement.ele(NS, 'preface');
    apparatus(preface, input);
    for (const block of prefaceBlocks) {
      if (block.type === 'title')
        inline(preface.ele(NS, 'p').ele(NS, 'docTitle'), block.pieces, input.language);
      else para(preface, block);
    }
  }
  // Preamble: group consecutive preambular paragraphs of one kind, each with its heading.
  const preambleBlocks = blocks.slice(prefaceEnd, bodyStart);
  const preambular = preambleBlocks.some((b) => b.type === 'preambular');
  const preamble = preambleBlocks.length ? statement.ele(NS, 'preamble') : null;
  let group: { kind: 'citation' | 'recital'; node: XMLBuilder } | null = null;
  let heading: { block: BlockModel; kind: 'citation' | 'recital' } | null = null;
  let headingKind: 'citation' | 'recital' | null = null;
  const flushHeading = (name: string) => {
    if (heading && preamble) para(preamble.ele(NS, 'formula', { name }), heading.block);
    heading = null;
  };
  preambleBlocks.forEach((block, index) => {
    if (!preamble) return;
    if (block.type === 'preambular') {
      const kind = kindOf(blockText(block), headingKind);
      if (!group || group.kind !== kind || heading) {
        const name = kind === 'citation' ? 'citations' : 'recitals';
        const node = preamble.ele(NS, name, {
          eId: eIds.numbered(kind === 'citation' ? 'cits' : 'recs'),
        });
        if (heading) para(node.ele(NS, 'intro'), heading.block);
        heading = null;
        group = { kind, node };
      }
      const item = group.node.ele(NS, kind);
      ids(item, eIds.numbered(kind === 'citation' ? 'cit' : 'rec'), block, eIds);
      para(item, block);
      return;
    }
    flushHeading('heading');
    group = null;
    const last = index === preambleBlocks.length - 1;
    if (block.type === 'leadHeading' && !last && preambular) {
      headingKind = kindOf(blockText(block), null);
      heading = { block, kind: headingKind };
    } else {
      // The organ line and the operative heading ("RESOLVES:") are the preamble's formulas.
      const name = block.type === 'organ' ? 'organ' : last ? 'enactingFormula' : 'text';
      para(preamble.ele(NS, 'formula', { name }), block);
    }
  });
  flushHeading('heading');
  renderBody(statement.ele(NS, 'mainBody'), blocks.slice(bodyStart), eIds, para);
  statuses(meta, eIds);
  renderAnnexes(statement, annexes, {
    // The annex's own identification; its references (TLCs) are the main text's, by eId.
    meta: (meta) => {
      identification(meta, input);
      meta.last().remove();
    },
    inline: (parent, block) => inline(parent, block.pieces, input.language),
    block: para,
  });
  return serialise(root);
}

interface Open {
  node: XMLBuilder;
  eId: string;
  /** The block whose text is not written yet. */
  open: BlockModel | null;
}

function renderBody(
  body: XMLBuilder,
  blocks: BlockModel[],
  eIds: EIds,
  para: (parent: XMLBuilder, block: BlockModel) => void,
): void {
  let paragraph: Open | null = null;
  let level1: Open | null = null;
  // A paragraph's text is `content` when it stands alone, `intro` when sub-paragraphs follow,
  // so it is written only once we know which.
  const close = (item: { node: XMLBuilder; open: BlockModel | null } | null) => {
    if (item?.open) para(item.node.ele(NS, 'content'), item.open);
    if (item) item.open = null;
  };
  const nest = (item: { node: XMLBuilder; open: BlockModel | null }) => {
    if (item.open) para(item.node.ele(NS, 'intro'), item.open);
    item.open = null;
  };
  if (blocks.length === 0) {
    body.ele(NS, 'p');
    return;
  }
  for (const block of blocks) {
    if (block.type === 'operative') {
      close(level1);
      close(paragraph);
      level1 = null;
      const eId = eIds.take(`para_${numberId(block.value)}`);
      const node = body.ele(NS, 'paragraph');
      ids(node, eId, block, eIds);
      node.ele(NS, 'num').txt(block.label.map((l) => l.text).join(''));
      paragraph = { node, eId, open: block };
    } else if (block.type === 'subparagraph') {
      const parent: Open | null = block.level === 2 && level1 ? level1 : paragraph;
      if (block.level === 1) close(level1);
      if (parent) nest(parent);
      const eId = eIds.take(`${parent ? `${parent.eId}__` : ''}subpara_${numberId(block.value)}`);
      const node: XMLBuilder = (parent?.node ?? body).ele(NS, 'subparagraph');
      ids(node, eId, block, eIds);
      node.ele(NS, 'num').txt(block.label.map((l) => l.text).join(''));
      const item: Open = { node, eId, open: block };
      if (block.level === 1 || !level1) level1 = item;
      else close(item);
    } else {
      close(level1);
      close(paragraph);
      level1 = null;
      paragraph = null;
      para(body, block);
    }
  }
  close(level1);
  close(paragraph);
}
