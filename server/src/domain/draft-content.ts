import * as Y from 'yjs';
import type { MarkJSON, NodeJSON } from '@accord/shared';
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
  for (const child of body.toArray()) {
    const element = asElement(child);
    if (!element || !isBlockName(element.nodeName)) continue;
    content.push(blockToJSON(element));
  }
  return { type: 'doc', content };
}

function blockToJSON(element: Y.XmlElement): NodeJSON {
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
        marks.push({
          type,
          attrs: typeof attrs === 'object' ? (attrs as Record<string, unknown>) : {},
        });
      }
      if (marks.length) text.marks = marks;
      inline.push(text);
    }
  }
  if (inline.length) node.content = inline;
  return node;
}
