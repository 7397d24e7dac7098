import * as Y from 'yjs';
import { BODY_FIELD, type NodeJSON } from '@accord/shared';
import type { Comparison } from '@accord/shared/comparison';
import { SYSTEM_AUTHOR } from '../../auth/principal';
import type { UpdateRecord } from '../../storage';
import { contentToUpdate, docToContent } from '../ydoc';
import { compareLogged, paragraphsOf } from './comparison';
import type { ChangeAuthor } from './people';

/**
 * A drafting session as the server's log records it, for tests of the comparison: one real
 * Y.Doc per delegate, each with its own client id bound to that delegate, every update relayed
 * to the others and appended to the log with its author and time, and versions taken as full
 * states at a sequence number. No storage or sockets: the comparison is a pure function of the
 * two states, the log between them and the bindings, and this feeds it exactly that.
 */
export class LoggedSession {
  readonly records: UpdateRecord[] = [];
  readonly bindings = new Map<number, string>();
  private readonly docs = new Map<string, Y.Doc>();
  private readonly delegations = new Map<string, string>();
  private readonly versions = new Map<string, { state: Uint8Array; seq: number }>();
  private nextClient = 1000;

  constructor(
    seed: NodeJSON,
    /** Time of the first update (ms); each later update is one minute after the previous. */
    private clock = Date.UTC(2026, 10, 26, 9, 0),
  ) {
    this.append(SYSTEM_AUTHOR, contentToUpdate(seed));
  }

  /** A delegate of `delegation` (participant id `participant`) joins with a fresh client id. */
  join(participant: string, delegation: string): Y.Doc {
    const doc = new Y.Doc();
    doc.clientID = this.nextClient++;
    this.bindings.set(doc.clientID, participant);
    this.delegations.set(participant, delegation);
    for (const record of this.records) Y.applyUpdate(doc, record.update, 'relay');
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'relay') return;
      this.append(participant, update);
    });
    this.docs.set(participant, doc);
    return doc;
  }

  /** The time the next update will be logged at. */
  get nextAt(): number {
    return this.clock;
  }

  private append(author: string, update: Uint8Array): void {
    const record: UpdateRecord = {
      kind: 'update',
      seq: this.records.length + 1,
      at: this.clock,
      author,
      update,
    };
    this.clock += 60_000;
    this.records.push(record);
    for (const [participant, doc] of this.docs) {
      if (participant !== author) Y.applyUpdate(doc, update, 'relay');
    }
  }

  /** Names a version: the document's full state now. */
  snapshot(id: string): void {
    const doc = new Y.Doc();
    for (const record of this.records) Y.applyUpdate(doc, record.update);
    this.versions.set(id, { state: Y.encodeStateAsUpdate(doc), seq: this.records.length });
    doc.destroy();
  }

  content(id: string): NodeJSON {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.versions.get(id)!.state);
    const content = docToContent(doc);
    doc.destroy();
    return content;
  }

  compare(fromId: string, toId: string): Comparison {
    const side = (id: string) => {
      const version = this.versions.get(id)!;
      return {
        id,
        paragraphs: paragraphsOf(version.state),
        seq: version.seq,
        state: version.state,
      };
    };
    const from = side(fromId);
    const to = side(toId);
    const low = Math.min(from.seq, to.seq);
    const high = Math.max(from.seq, to.seq);
    return compareLogged({
      from,
      to,
      records: this.records.filter((r) => r.seq > low && r.seq <= high),
      bindings: this.bindings,
      style: 'oas',
      name: (author): ChangeAuthor => ({
        participant: author ?? 'unknown',
        delegation:
          author === SYSTEM_AUTHOR ? 'Template' : (this.delegations.get(author ?? '') ?? 'Unknown'),
      }),
    });
  }

  destroy(): void {
    for (const doc of this.docs.values()) doc.destroy();
  }
}

/** The body's blocks of a delegate's copy. */
export function blocksOf(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
}

/** The text of a block (its first text child, created when missing). */
export function textOf(block: Y.XmlElement): Y.XmlText {
  const text = block.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
  if (text) return text;
  const created = new Y.XmlText();
  block.insert(0, [created]);
  return created;
}

/** One stretch of a block's text with its marks, as Yjs gives and takes it. */
export interface DeltaOp {
  insert: string;
  attributes?: Record<string, unknown>;
}

/** The plain text of a block's text (`toString` would give its marks as tags). */
export function plainOf(text: Y.XmlText): string {
  return (text.toDelta() as DeltaOp[]).map((op) => op.insert).join('');
}

/** A block's text with its marks. */
export function deltaOf(text: Y.XmlText): DeltaOp[] {
  return text.toDelta() as DeltaOp[];
}

/** A new block of `type` with `text` (plain, or with marks), its attributes set before it joins the document. */
export function newBlock(
  type: string,
  attrs: Record<string, unknown>,
  text: string | DeltaOp[],
): Y.XmlElement {
  const block = new Y.XmlElement(type);
  for (const [key, value] of Object.entries(attrs)) block.setAttribute(key, value as string);
  const content = new Y.XmlText();
  block.insert(0, [content]);
  if (typeof text === 'string') content.insert(0, text);
  else content.applyDelta(text);
  return block;
}
