import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Greeting } from './greeting';

/** The state vector a greeting's sync step 1 carries. */
function stateVectorIn(message: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // sync
  decoding.readVarUint(decoder); // step 1
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

describe('Greeting', () => {
  it('is the same messages for every joiner until the document or the awareness changes', () => {
    const doc = new Y.Doc();
    const greeting = new Greeting(doc);
    const carets = new Uint8Array([1, 7, 1, 2, 110, 117, 108, 108]);
    const first = greeting.for(carets);
    expect(greeting.for(carets)).toBe(first);
    expect(first).toHaveLength(2);

    doc.getText('t').insert(0, 'MSMEs');
    greeting.documentChanged();
    const afterEdit = greeting.for(carets);
    expect(afterEdit).not.toBe(first);
    expect(stateVectorIn(afterEdit[0]!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));

    const alone = greeting.for(null);
    expect(alone).toHaveLength(1);
    expect(alone[0]).toBe(afterEdit[0]);
  });
});
