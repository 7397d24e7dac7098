import * as Y from 'yjs';
import { BODY_FIELD, type NodeJSON } from '@accord/shared';
import { contentToUpdate } from '../../domain/ydoc';
import { checkUpdate, type UpdateContext, type UpdateVerdict } from '../update-check';

/**
 * A room's document and the participants around it, without sockets: enough to put the update
 * check through honest and hostile updates and to apply what it accepts, as the room does.
 */

export interface Person {
  participant: string;
  delegation: string | null;
  chair: boolean;
}

export const CHAIR: Person = { participant: 'p-chair', delegation: 'Belize', chair: true };
export const CHILE: Person = { participant: 'p-chile', delegation: 'Chile', chair: false };
export const PERU: Person = { participant: 'p-peru', delegation: 'Peru', chair: false };

export function paragraph(id: string, words: string, status = 'pending'): NodeJSON {
  return { type: 'operative', attrs: { id, status }, content: [{ type: 'text', text: words }] };
}

export class Bench {
  readonly doc = new Y.Doc({ gc: true });
  readonly bindings = new Map<number, string>();

  constructor(paragraphs: NodeJSON[]) {
    Y.applyUpdate(this.doc, contentToUpdate({ type: 'doc', content: paragraphs }));
  }

  get body(): Y.XmlFragment {
    return this.doc.getXmlFragment(BODY_FIELD);
  }

  context(person: Person, extra: Partial<UpdateContext> = {}): UpdateContext {
    return {
      doc: this.doc,
      author: person.participant,
      delegation: person.delegation,
      role: person.chair ? 'chair' : 'delegate',
      canEdit: true,
      canSetStatus: person.chair,
      canRemoveAnyBracket: person.chair,
      locked: false,
      bindings: this.bindings,
      ...extra,
    };
  }

  check(person: Person, update: Uint8Array, extra: Partial<UpdateContext> = {}): UpdateVerdict {
    return checkUpdate(update, this.context(person, extra));
  }

  /** Checks `update` and, as the room does, applies it when accepted. */
  offer(person: Person, update: Uint8Array): UpdateVerdict {
    const verdict = this.check(person, update);
    if (verdict.accept && !verdict.empty) {
      for (const client of verdict.newClients) this.bindings.set(client, person.participant);
      Y.applyUpdate(this.doc, update, 'remote');
    }
    return verdict;
  }

  /** A client holding the server's state, as after a sync. */
  client(clientID: number): Y.Doc {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.doc));
    return doc;
  }

  /** Whether `doc` holds exactly the server's document. */
  same(state: Uint8Array): boolean {
    return Buffer.from(Y.encodeStateAsUpdate(this.doc)).equals(Buffer.from(state));
  }
}

/** The update `change` makes on `doc`. */
export function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

export function textOf(doc: Y.Doc, index: number): Y.XmlText {
  return (doc.getXmlFragment(BODY_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

export function elementOf(doc: Y.Doc, index: number): Y.XmlElement {
  return doc.getXmlFragment(BODY_FIELD).get(index) as Y.XmlElement;
}
