import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared';
import { CHAIR, CHILE, PERU, changeOf, paragraph, textOf, Bench, type Person } from './fixtures';
import {
  any,
  element,
  encodeUpdate,
  firstParagraphText,
  format,
  interleavedIntoRun,
  longRun,
  text,
} from './hostile-updates';

/**
 * The seeded generator behind the hostile-update fuzzer: a small draft (one paragraph agreed,
 * one bracketed by Peru) and one update per round, honest, mutated or crafted, from a random
 * participant. The same seed replays the same rounds.
 */

export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof random>;

export function fuzzBench(): Bench {
  const bench = new Bench([
    paragraph('p1', 'To urge member states'),
    paragraph('p2', 'To invite the IDB', 'agreed'),
    paragraph('p3', 'To request the General Secretariat'),
  ]);
  const peru = bench.client(2);
  bench.offer(
    PERU,
    changeOf(peru, () => textOf(peru, 2).format(3, 7, { bracket: { delegations: ['Peru'] } })),
  );
  return bench;
}

const PEOPLE: readonly Person[] = [CHAIR, CHILE, PERU];
const WORDS = ['member', 'states', 'MSMEs', ' ', 'urge', 'finance'];

/** An edit an honest editor could make. */
function honest(bench: Bench, rng: Random, clientID: number): Uint8Array {
  const doc = bench.client(clientID);
  const blocks = doc.getXmlFragment(BODY_FIELD);
  return changeOf(doc, () => {
    const index = rng.int(blocks.length);
    const block = blocks.get(index) as Y.XmlElement | undefined;
    const inner = block?.get(0) as Y.XmlText | undefined;
    const roll = rng.int(7);
    if (roll === 0 || !block || !inner) {
      const fresh = new Y.XmlElement('operative');
      fresh.setAttribute('id', `n${clientID}-${rng.int(1e6)}`);
      fresh.setAttribute('status', 'pending');
      const words = new Y.XmlText();
      words.insert(0, rng.pick(WORDS));
      fresh.insert(0, [words]);
      blocks.insert(rng.int(blocks.length + 1), [fresh]);
    } else if (roll === 1) {
      blocks.delete(index, 1);
    } else if (roll === 2) {
      block.setAttribute('status', rng.pick(['pending', 'ad_ref', 'agreed']));
    } else if (roll === 3 && inner.length > 2) {
      inner.format(rng.int(inner.length - 1), 1 + rng.int(2), {
        bracket: rng.next() < 0.5 ? null : { delegations: [rng.pick(['Chile', 'Peru', 'Belize'])] },
      });
    } else if (roll === 4 && inner.length > 1) {
      inner.delete(rng.int(inner.length - 1), 1);
    } else {
      inner.insert(
        rng.int(inner.length + 1),
        rng.pick(WORDS),
        rng.next() < 0.2 ? { bold: {} } : {},
      );
    }
  });
}

/** Random damage to an honest update's bytes. */
function mutated(update: Uint8Array, rng: Random): Uint8Array {
  const bytes = Uint8Array.from(update);
  const roll = rng.int(3);
  if (roll === 0) return bytes.slice(0, rng.int(bytes.length));
  const flips = 1 + rng.int(4);
  for (let i = 0; i < flips; i++) bytes[rng.int(bytes.length)] = rng.int(256);
  return bytes;
}

/** One of the crafted families of #20. */
function crafted(bench: Bench, rng: Random, clientID: number): Uint8Array {
  let textId: Y.ID;
  try {
    textId = firstParagraphText(bench.doc);
  } catch {
    textId = Y.createID(0, 0);
  }
  const block = Y.createID(clientID, 0);
  switch (rng.int(8)) {
    case 0:
      return interleavedIntoRun(textId, 200 + rng.int(800), clientID);
    case 1:
      return longRun(textId, 50 + rng.int(500), [clientID, clientID + 1]);
    case 2:
      return encodeUpdate(
        [],
        [
          {
            client: rng.pick([...bench.bindings.keys(), 1]),
            clock: rng.int(40),
            len: 1 + rng.int(1000),
          },
        ],
      );
    case 3:
      return encodeUpdate([
        {
          id: Y.createID(clientID, 0),
          origin: Y.createID(rng.int(5), 1000 + rng.int(50)),
          content: text('x'),
        },
      ]);
    case 4:
      return encodeUpdate([
        {
          id: block,
          parent: BODY_FIELD,
          content: rng.pick([any(rng.int(9)), text('bare'), element('div')]),
        },
      ]);
    case 5: {
      const depth = 2 + rng.int(300);
      return encodeUpdate(
        [...Array(depth).keys()].map((i) => ({
          id: Y.createID(clientID, i),
          parent: i === 0 ? BODY_FIELD : Y.createID(clientID, i - 1),
          content: element('operative'),
        })),
      );
    }
    case 6:
      return encodeUpdate([
        { id: block, parent: BODY_FIELD, content: element('operative') },
        ...[...Array(1 + rng.int(3)).keys()].map((i) => ({
          id: Y.createID(clientID, 1 + i),
          parent: block,
          parentSub: 'status',
          content: any(rng.pick(['pending', 'agreed', 'ad_ref', 'final'])),
        })),
      ]);
    default:
      return encodeUpdate([
        {
          id: Y.createID(clientID, 0),
          parent: textId,
          content: format('bracket', {
            delegations: [rng.pick(['Chile', 'Peru', 'Belize', 'Spain'])],
          }),
        },
      ]);
  }
}

export interface Round {
  person: Person;
  update: Uint8Array;
  family: 'honest' | 'mutated' | 'crafted';
}

export function nextRound(bench: Bench, rng: Random, round: number): Round {
  const person = rng.pick(PEOPLE);
  const clientID = 1000 + round * 7 + PEOPLE.indexOf(person);
  const roll = rng.next();
  if (roll < 0.4) return { person, update: honest(bench, rng, clientID), family: 'honest' };
  if (roll < 0.7) {
    return { person, update: mutated(honest(bench, rng, clientID), rng), family: 'mutated' };
  }
  return { person, update: crafted(bench, rng, clientID), family: 'crafted' };
}
