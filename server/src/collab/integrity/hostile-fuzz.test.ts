import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftSchema } from '@accord/shared/schema/index';
import { docToContent } from '../../domain/ydoc';
import { fuzzBench, nextRound, random } from './hostile-fuzz';

/** CPU time of `work` in ms (the test machine is shared; wall time measures the neighbours). */
function cpuMs<T>(work: () => T): [T, number] {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return [result, (used.user + used.system) / 1000];
}

const ROUNDS = 60;
/** Per verdict; generous next to the 50 ms budget, as one round may hit a garbage collection. */
const VERDICT_MS = 100;

const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

function play(seed: number): void {
  const rng = random(seed);
  const bench = fuzzBench();
  for (let round = 0; round < ROUNDS; round++) {
    const { person, update, family } = nextRound(bench, rng, round);
    const before = Y.encodeStateAsUpdate(bench.doc);
    const [verdict, ms] = cpuMs(() => bench.check(person, update));
    const where = `seed ${seed} round ${round} (${family})`;
    expect(ms, where).toBeLessThan(VERDICT_MS);
    count(`${family} ${verdict.accept ? 'accepted' : 'refused'}`);
    if (!verdict.accept || verdict.empty) {
      expect(bench.same(before), where).toBe(true);
      continue;
    }
    for (const client of verdict.newClients) bench.bindings.set(client, person.participant);
    Y.applyUpdate(bench.doc, update, 'remote');
    // Nothing left waiting inside Yjs, and the body is exactly what the schema reads.
    expect(bench.doc.store.pendingStructs, where).toBeNull();
    expect(bench.doc.store.pendingDs, where).toBeNull();
    const content = docToContent(bench.doc);
    expect(content, where).toEqual(yXmlFragmentToProsemirrorJSON(bench.body));
    expect(
      () =>
        draftSchema()
          .nodeFromJSON({
            ...content,
            content: content.content?.length ? content.content : [{ type: 'paragraph' }],
          })
          .check(),
      where,
    ).not.toThrow();
    const ids = (content.content ?? [])
      .map((block) => block.attrs?.id)
      .filter((id) => typeof id === 'string');
    expect(new Set(ids).size, where).toBe(ids.length);
  }
}

describe('hostile update fuzzer', () => {
  it('[G10] random honest, mutated and crafted updates: quick verdicts, refusals change nothing, acceptances stay valid', () => {
    for (let seed = 1; seed <= 20; seed++) play(seed);
    // Not vacuous: honest edits get through, crafted ones are stopped.
    expect(tally.get('honest accepted')).toBeGreaterThan(100);
    expect(tally.get('crafted refused')).toBeGreaterThan(100);
  });
});
