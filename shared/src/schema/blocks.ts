import { Node, mergeAttributes } from '@tiptap/core';
import { frozenNumberAttribute, idAttribute, statusAttribute } from './attributes';

/**
 * The blocks of a draft resolution, in reading order: title, sponsor note, organ line,
 * lead-word headings, preambular and operative paragraphs, sub-paragraphs. The body is flat:
 * a sub-paragraph belongs to the operative paragraph before it. A flat list keeps moves,
 * numbering and concurrent edits simple, and paragraphs are matched by id across versions.
 */

function textBlock(name: string, tag: string, className: string) {
  return Node.create({
    name,
    group: 'block',
    content: 'inline*',
    defining: true,
    parseHTML() {
      return [{ tag: `${tag}[data-type="${name}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, mergeAttributes({ 'data-type': name, class: className }, HTMLAttributes), 0];
    },
  });
}

/** The document's title ("STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES"). */
export const Title = textBlock('title', 'h1', 'draft-title');

/** The organ that speaks ("THE GENERAL ASSEMBLY,", "THE MINISTERS AND HIGH AUTHORITIES …,"). */
export const Organ = textBlock('organ', 'p', 'draft-organ');

/**
 * A lead-word heading that stands alone: "HAVING SEEN:", "CONSIDERING:", "RESOLVES:",
 * "RECOMMEND:". Not a paragraph of the text; never numbered.
 */
export const LeadHeading = textBlock('leadHeading', 'p', 'draft-lead-heading');

/** Free text that is neither preambular nor operative: a sponsor line, a footnote, a note. */
export const Note = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'inline*',
  parseHTML() {
    // After the specific rules (`p[data-type="operative"]`, priority 50): a paragraph copied
    // from a draft must parse back as what it was, not as a note.
    return [{ tag: 'p', priority: 40 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes({ class: 'draft-note' }, HTMLAttributes), 0];
  },
});

/** One preambular paragraph ("CONSIDERING that …;", "*Recalling* …,"). Unnumbered. */
export const Preambular = Node.create({
  name: 'preambular',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return { id: idAttribute, status: statusAttribute };
  },
  parseHTML() {
    return [{ tag: 'p[data-type="preambular"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'p',
      mergeAttributes({ 'data-type': 'preambular', class: 'draft-preambular' }, HTMLAttributes),
      0,
    ];
  },
});

/**
 * One operative paragraph ("1. To urge member states …;"), numbered automatically in document
 * order. `alternative` marks a proposed alternative to the numbered paragraph before it: it is
 * numbered "2 bis", "2 ter", … and does not advance the numbering.
 */
export const Operative = Node.create({
  name: 'operative',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      id: idAttribute,
      status: statusAttribute,
      number: frozenNumberAttribute,
      alternative: {
        default: false,
        keepOnSplit: false,
        parseHTML: (element) => element.getAttribute('data-alternative') === 'true',
        renderHTML: (attributes) => (attributes.alternative ? { 'data-alternative': 'true' } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'p[data-type="operative"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'p',
      mergeAttributes({ 'data-type': 'operative', class: 'draft-operative' }, HTMLAttributes),
      0,
    ];
  },
});

/**
 * A lettered sub-paragraph of the operative paragraph before it: a., b. (OAS) or (a), (b)
 * (UN) at level 1; i., ii. or (i), (ii) at level 2.
 */
export const Subparagraph = Node.create({
  name: 'subparagraph',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      id: idAttribute,
      level: {
        default: 1,
        parseHTML: (element) => (element.getAttribute('data-level') === '2' ? 2 : 1),
        renderHTML: (attributes) => ({ 'data-level': String(attributes.level === 2 ? 2 : 1) }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'p[data-type="subparagraph"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'p',
      mergeAttributes({ 'data-type': 'subparagraph', class: 'draft-subparagraph' }, HTMLAttributes),
      0,
    ];
  },
});
