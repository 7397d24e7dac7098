import * as Y from 'yjs';
import { bracketHolders, sponsorTable, type MarkJSON, type NodeJSON } from '@accord/shared';
import {
  asElement,
  attributeProblem,
  formatProblem,
  isBlockName,
} from '../collab/integrity/draft-shape';

/**
 * The body of a document as ProseMirror JSON, keeping only what the draft schema knows. The
 * update check keeps anything else out, but a document written before it may hold junk (a bare
 * value in the body, elements nested thousands deep, unknown names or attribute values): the
 * content API, every export and a restore must still read such a document, so what the schema
 * does not know is skipped, never followed. Same output as y-tiptap's reader for a valid body.
 * Never recursive: blocks hold text only.
 */
export function bodyToContent(body: Y.XmlFragment): NodeJSON {
  const content: NodeJSON[] = [];
  const sponsors = sponsorTable(body.doc);
  for (const child of body.toArray()) {
    const element = asElement(child);
    if (!element || !isBlockName(element.nodeName)) continue;
    content.push(blockToJSON(element, sponsors));
  }
  return { type: 'doc', content };
}

function blockToJSON(element: Y.XmlElement, sponsors: Y.Map<unknown> | null): NodeJSON {
  const node: NodeJSON = { type: element.nodeName };
  const attrs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
    if (attributeProblem(element.nodeName, key, value) === null) attrs[key] = value;
  }
  if (Object.keys(attrs).length) node.attrs = attrs;
  const inline: NodeJSON[] = [];
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as {
      insert: unknown;
      attributes?: Record<string, unknown>;
    }[]) {
      if (typeof op.insert !== 'string' || op.insert === '') continue;
      const text: NodeJSON = { type: 'text', text: op.insert };
      const marks: MarkJSON[] = [];
      for (const [type, attrs] of Object.entries(op.attributes ?? {})) {
        if (attrs === null || formatProblem(type, attrs) !== null) continue;
        const value = typeof attrs === 'object' ? (attrs as Record<string, unknown>) : {};
        // A bracket shows everyone holding it: those on its mark and those who joined it.
        marks.push({
          type,
          attrs:
            type === 'bracket' ? { ...value, delegations: bracketHolders(value, sponsors) } : value,
        });
      }
      if (marks.length) text.marks = marks;
      inline.push(text);
    }
  }
  if (inline.length) node.content = inline;
  return node;
}
