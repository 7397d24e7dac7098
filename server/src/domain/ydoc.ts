import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { BODY_FIELD, type NodeJSON } from '@accord/shared';
import { draftSchema } from '@accord/shared/schema/index';
import { bodyToContent } from './draft-content';

/**
 * Conversions between a draft's ProseMirror JSON and its Yjs form. Reading never modifies the
 * document (the node-building helpers of y-tiptap would delete what does not fit the schema).
 */

/** A Yjs update holding `content` as the body of a new document. Throws on invalid content. */
export function contentToUpdate(content: NodeJSON): Uint8Array {
  // Validate against the schema first: a template or import must never seed broken content.
  draftSchema().nodeFromJSON(content).check();
  const doc = prosemirrorJSONToYDoc(draftSchema(), content, BODY_FIELD);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The body of a document as ProseMirror JSON (what the schema does not know is skipped). */
export function docToContent(doc: Y.Doc): NodeJSON {
  return bodyToContent(doc.getXmlFragment(BODY_FIELD));
}

/** The body of a full-state update (a version's state) as ProseMirror JSON. */
export function stateToContent(state: Uint8Array): NodeJSON {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return docToContent(doc);
  } finally {
    doc.destroy();
  }
}
