import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { FreshJoinAnswer, MERGE_COST_IN_BYTES } from './fresh-join';

/**
 * A room's document and a delegate typing into it: every keystroke is relayed to the answer as
 * the room relays it (applied first, then `relayed`).
 */
function room(paragraphBytes: number) {
  const doc = new Y.Doc();
  const delegate = new Y.Doc();
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('operative');
  paragraph.insert(0, [text]);
  delegate.getXmlFragment('body').insert(0, [paragraph]);
  text.insert(0, 'x'.repeat(paragraphBytes));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(delegate));
  const answer = new FreshJoinAnswer(doc);
  const type = (word: string) => {
    const before = Y.encodeStateVector(delegate);
    text.insert(text.length, word);
    const update = Y.encodeStateAsUpdate(delegate, before);
    Y.applyUpdate(doc, update);
    answer.relayed(update);
  };
  return { doc, answer, type };
}

/** What a device that joined with nothing holds after applying the answer, message by message. */
function joinWith(messages: readonly Uint8Array[]): Y.Doc {
  const joiner = new Y.Doc();
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder); // sync
    decoding.readVarUint(decoder); // step 2 or update
    Y.applyUpdate(joiner, decoding.readVarUint8Array(decoder));
  }
  return joiner;
}

const bodyOf = (doc: Y.Doc): string => doc.getXmlFragment('body').toJSON();

describe('FreshJoinAnswer', () => {
  it('gives every joiner the whole document, however it changed between joins', () => {
    const { doc, answer, type } = room(200_000);
    expect(bodyOf(joinWith(answer.answer().messages))).toBe(bodyOf(doc));
    for (let i = 0; i < 30; i++) {
      type(` word${i}`);
      if (i % 7 === 0) expect(bodyOf(joinWith(answer.answer().messages))).toBe(bodyOf(doc));
    }
    expect(bodyOf(joinWith(answer.answer().messages))).toBe(bodyOf(doc));
  });

  it('in a large document, sends the last encoding with the changes since rather than encode it again', () => {
    const { answer, type } = room(200_000);
    const first = answer.answer();
    expect(first.encodedBytes).toBeGreaterThan(200_000);
    for (let i = 0; i < 20; i++) type(` word${i}`);
    const later = answer.answer();
    expect(later.encodedBytes).toBe(0);
    expect(later.messages[0]).toBe(first.messages[0]);
    expect(later.messages).toHaveLength(2);
  });

  it('in a small document, encodes it afresh once merging what came since would cost more', () => {
    const { doc, answer, type } = room(4_000);
    answer.answer();
    // A few short words: far below an eighth of the document, but more to merge than to encode.
    const words = Math.ceil(5_000 / MERGE_COST_IN_BYTES);
    for (let i = 0; i < words; i++) type(` w${i}`);
    const fresh = answer.answer();
    expect(fresh.encodedBytes).toBeGreaterThan(4_000);
    expect(fresh.messages).toHaveLength(1);
    expect(bodyOf(joinWith(fresh.messages))).toBe(bodyOf(doc));
  });
});
