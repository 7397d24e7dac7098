import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared';

/**
 * Hand-built Yjs updates for tests and the fuzzer: the shapes an attacker can write that no
 * honest editor produces. Each is encoded struct by struct, so nothing here is merged or
 * normalised by Yjs on the way out.
 */

/** One struct to encode: an item at `id` with the given references and content. */
type Content = Y.Item['content'];

export interface StructSpec {
  id: Y.ID;
  origin?: Y.ID | null;
  rightOrigin?: Y.ID | null;
  /** A root type's name or the id of the item holding the parent type. */
  parent?: string | Y.ID | null;
  parentSub?: string | null;
  content: Content;
}

export const text = (value: string): Content => new Y.ContentString(value);
export const format = (key: string, value: unknown): Content =>
  new Y.ContentFormat(key, value as object);
export const any = (...values: unknown[]): Content => new Y.ContentAny(values);
export const element = (name: string): Content => new Y.ContentType(new Y.XmlElement(name));
export const xmlText = (): Content => new Y.ContentType(new Y.XmlText());
export const deleted = (length: number): Content => new Y.ContentDeleted(length);

/**
 * Encodes structs (each client's structs must be consecutive in clock order) and a delete set
 * as a V1 update.
 */
export function encodeUpdate(
  structs: StructSpec[],
  deletes: { client: number; clock: number; len: number }[] = [],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const byClient = new Map<number, StructSpec[]>();
  for (const spec of structs) {
    const list = byClient.get(spec.id.client) ?? [];
    list.push(spec);
    byClient.set(spec.id.client, list);
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of [...byClient].sort((a, b) => b[0] - a[0])) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock);
    for (const spec of list) {
      const item = new Y.Item(
        spec.id,
        null,
        spec.origin ?? null,
        null,
        spec.rightOrigin ?? null,
        (spec.parent ?? null) as unknown as Y.AbstractType<unknown> | null,
        spec.parentSub ?? null,
        spec.content,
      );
      item.write(encoder, 0);
    }
  }
  const byDeleteClient = new Map<number, { clock: number; len: number }[]>();
  for (const range of deletes) {
    const list = byDeleteClient.get(range.client) ?? [];
    list.push(range);
    byDeleteClient.set(range.client, list);
  }
  encoding.writeVarUint(encoder.restEncoder, byDeleteClient.size);
  for (const [client, ranges] of byDeleteClient) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const range of ranges) {
      encoder.writeDsClock(range.clock);
      encoder.writeDsLen(range.len);
    }
  }
  return encoder.toUint8Array();
}

/** The id of the first `XmlText` of the document's paragraphs. */
export function firstParagraphText(doc: Y.Doc): Y.ID {
  for (const block of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    const inner = block.toArray().find((child) => child instanceof Y.XmlText);
    if (inner) return inner._item!.id;
  }
  throw new Error('no paragraph holds text');
}

/**
 * A long run inside a paragraph's text, written by two alternating clients so that Yjs cannot
 * merge it into one item: the "long run" the costly update is interleaved into. `clients` are
 * the two writers, `clocks` where each starts.
 */
export function longRun(
  textId: Y.ID,
  length: number,
  clients: [number, number],
  clocks: [number, number] = [0, 0],
): Uint8Array {
  const next = [...clocks];
  const structs: StructSpec[] = [];
  let previous: Y.ID | null = null;
  for (let i = 0; i < length; i++) {
    const side = i % 2;
    const id = Y.createID(clients[side]!, next[side]!++);
    structs.push({ id, origin: previous, parent: previous ? null : textId, content: text('x') });
    previous = id;
  }
  return encodeUpdate(structs);
}

/**
 * The costly merge of #20: `count` one-character items from distinct client ids, all claiming
 * the start of the paragraph's text as their place. Yjs' conflict resolution walks the whole
 * run for each of them (every run item's origin is the one before it), then every item placed
 * before it: O(count × (run + count)) steps for an update of a few bytes per item.
 */
export function interleavedIntoRun(textId: Y.ID, count: number, firstClient: number): Uint8Array {
  const structs: StructSpec[] = [];
  for (let i = 0; i < count; i++) {
    structs.push({ id: Y.createID(firstClient + i, 0), parent: textId, content: text('y') });
  }
  return encodeUpdate(structs);
}

/**
 * The same walk hidden inside one update: a new run of `count` characters, then `count` items
 * that all start after its first character and each end at a different later one, so no two
 * share both ends. Each walks the run and the items placed before it.
 */
export function interleavedIntoNewRun(
  textId: Y.ID,
  count: number,
  clients: [number, number],
): Uint8Array {
  const [runner, intruder] = clients;
  const structs: StructSpec[] = [];
  for (let i = 0; i < count + 1; i++) {
    structs.push({
      id: Y.createID(runner, i),
      origin: i === 0 ? null : Y.createID(runner, i - 1),
      parent: i === 0 ? textId : null,
      content: text('f'),
    });
  }
  for (let j = 0; j < count; j++) {
    structs.push({
      id: Y.createID(intruder, j),
      origin: Y.createID(runner, 0),
      rightOrigin: Y.createID(runner, j + 1),
      content: text('x'),
    });
  }
  return encodeUpdate(structs);
}
