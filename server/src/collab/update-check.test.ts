import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FIELD, RefusalReason } from '@accord/shared';
import {
  any,
  element,
  encodeUpdate,
  firstParagraphText,
  format,
  interleavedIntoNewRun,
  interleavedIntoRun,
  longRun,
  text,
  xmlText,
} from './integrity/hostile-updates';
import {
  Bench,
  CHAIR,
  CHILE,
  PERU,
  changeOf,
  elementOf,
  paragraph,
  textOf,
} from './integrity/fixtures';
import { DocumentIndex, checkUpdate, type UpdateVerdict } from './update-check';

/**
 * The CPU time `work` takes, in ms, at best of three: the machine running the tests is shared,
 * and wall time would measure the neighbours.
 */
function cpuMs(work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const refusedFor = (verdict: UpdateVerdict) =>
  verdict.accept ? 'accepted' : verdict.pending ? 'pending' : verdict.reason;

function typing(bench: Bench, clientID: number, words: string, at = 0): Uint8Array {
  const client = bench.client(clientID);
  return changeOf(client, () => {
    for (const [i, char] of [...words].entries()) textOf(client, at).insert(i, char);
  });
}

describe('update check: merge cost', () => {
  it('[G1] an update crafted to be costly to merge is refused, and the check itself is quick', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    const textId = firstParagraphText(bench.doc);
    expect(bench.offer(CHILE, longRun(textId, 2000, [5, 6])).accept).toBe(true);
    const costly = interleavedIntoRun(textId, 1000, 1000);
    expect(costly.length).toBeLessThan(20_000);
    // Warm the check up, then time it: it walks at most the budget, never the merge.
    bench.check(CHILE, interleavedIntoRun(textId, 50, 900));
    expect(refusedFor(bench.check(CHILE, costly))).toBe(RefusalReason.mergeCost);
    expect(cpuMs(() => bench.check(CHILE, costly))).toBeLessThan(50);
  });

  it('[G1] other costly shapes: one key given thousands of values, a delete set of 3,000,000 ranges', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    const block = Y.createID(47, 0);
    const values = encodeUpdate([
      { id: block, parent: BODY_FIELD, content: element('operative') },
      ...[...Array(3000).keys()].map((i) => ({
        id: Y.createID(5000 + i, 0),
        parent: block,
        parentSub: 'status',
        content: any('pending'),
      })),
    ]);
    expect(refusedFor(bench.check(CHAIR, values))).toBe(RefusalReason.mergeCost);
    bench.offer(CHILE, typing(bench, 48, 'x'.repeat(10)));
    const ranges = [...Array(3_000_000).keys()].map((i) => ({ client: 48, clock: i % 10, len: 1 }));
    expect(refusedFor(bench.check(CHILE, encodeUpdate([], ranges)))).toBe(RefusalReason.mergeCost);
  });

  it("[G1] an honest client's empty answer repeating 30,000 deletions is accepted as empty", () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    const writer = bench.client(49);
    bench.offer(
      CHILE,
      changeOf(writer, () => textOf(writer, 0).insert(0, 'ab'.repeat(30_000))),
    );
    bench.offer(
      CHILE,
      changeOf(writer, () => {
        for (let i = 30_000; i > 0; i--) textOf(writer, 0).delete(2 * i - 1, 1);
      }),
    );
    const reader = bench.client(50);
    const answer = Y.encodeStateAsUpdate(reader, Y.encodeStateVector(bench.doc));
    expect(Y.decodeUpdate(answer).ds.clients.get(49)?.length).toBe(30_000);
    expect(bench.check(PERU, answer, { canEdit: false })).toEqual({ accept: true, empty: true });
  });

  it('[G1] items that each end at a different character of a run the same update brings are refused', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    const costly = interleavedIntoNewRun(firstParagraphText(bench.doc), 1500, [61, 62]);
    expect(refusedFor(bench.check(CHILE, costly))).toBe(RefusalReason.mergeCost);
    // A tenth of it merges quickly and is accepted.
    const small = interleavedIntoNewRun(firstParagraphText(bench.doc), 150, [63, 64]);
    expect(bench.check(CHILE, small).accept).toBe(true);
  });

  it('[G1] the same crafted update under a budget large enough is accepted (the budget decides)', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    const textId = firstParagraphText(bench.doc);
    bench.offer(CHILE, longRun(textId, 200, [5, 6]));
    const costly = interleavedIntoRun(textId, 100, 1000);
    expect(refusedFor(bench.check(CHILE, costly, { mergeBudget: 10_000 }))).toBe(
      RefusalReason.mergeCost,
    );
    expect(bench.check(CHILE, costly, { mergeBudget: 1_000_000 }).accept).toBe(true);
  });

  it('[G1] honest updates pass: typing, a 50-page paste, a reconnecting client, a restore', () => {
    const bench = new Bench([paragraph('p1', 'hello'), paragraph('p2', 'world')]);
    expect(bench.offer(CHILE, typing(bench, 11, 'To urge member states')).accept).toBe(true);

    // Fifty pages: 1,000 paragraphs of about 300 characters, some of them bold.
    const paster = bench.client(12);
    const paste = changeOf(paster, () => {
      const blocks = [...Array(1000).keys()].map((i) => {
        const block = new Y.XmlElement('operative');
        block.setAttribute('id', `paste-${i}`);
        block.setAttribute('status', 'pending');
        const inner = new Y.XmlText();
        inner.insert(0, `${'lorem ipsum dolor sit amet '.repeat(11)} ${i}`);
        inner.insert(10, 'strong', { bold: {} });
        inner.insert(40, 'proposed', { bracket: { delegations: ['Chile'] } });
        block.insert(0, [inner]);
        return block;
      });
      paster.getXmlFragment(BODY_FIELD).insert(2, blocks);
    });
    expect(bench.offer(CHILE, paste)).toMatchObject({ accept: true });

    // A client that typed offline in every paragraph while another typed in the same places.
    const offline = bench.client(13);
    const online = bench.client(14);
    const offlineWork = changeOf(offline, () => {
      for (let i = 0; i < 1000; i += 3) textOf(offline, i).insert(5, ' offline words');
    });
    const onlineWork = changeOf(online, () => {
      for (let i = 0; i < 1000; i += 3) textOf(online, i).insert(5, ' online words');
    });
    expect(bench.offer(PERU, onlineWork).accept).toBe(true);
    expect(bench.offer(CHILE, offlineWork).accept).toBe(true);

    // A restore: everything deleted and the old text put back, in one update.
    const chair = bench.client(15);
    const restore = changeOf(chair, () => {
      const body = chair.getXmlFragment(BODY_FIELD);
      body.delete(0, body.length);
      const blocks = [...Array(1000).keys()].map((i) => {
        const block = new Y.XmlElement('operative');
        block.setAttribute('id', `paste-${i}`);
        block.setAttribute('status', 'agreed');
        const inner = new Y.XmlText();
        inner.insert(0, `restored ${i}`);
        block.insert(0, [inner]);
        return block;
      });
      body.insert(0, blocks);
    });
    expect(bench.offer(CHAIR, restore).accept).toBe(true);
  });
});

describe('update check: references and deletions', () => {
  it("[G2] a delete set covering another participant's future clocks is refused", () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    expect(bench.offer(PERU, typing(bench, 21, 'Peru')).accept).toBe(true);
    const erase = encodeUpdate([], [{ client: 21, clock: 4, len: 1000 }]);
    const before = Y.encodeStateAsUpdate(bench.doc);
    expect(refusedFor(bench.check(CHILE, erase))).toBe(RefusalReason.futureDelete);
    expect(bench.same(before)).toBe(true);
    // Peru's next words arrive whole.
    expect(bench.offer(PERU, typing(bench, 21, ' says')).accept).toBe(true);
    expect(textOf(bench.doc, 0).toString()).toContain(' says');
  });

  it("[G2] a delete set covering the sender's own or an unclaimed client's future waits", () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    bench.offer(CHILE, typing(bench, 31, 'abc'));
    const own = encodeUpdate([], [{ client: 31, clock: 2, len: 10 }]);
    expect(bench.check(CHILE, own)).toMatchObject({ accept: false, pending: true });
    const unclaimed = encodeUpdate([], [{ client: 77, clock: 0, len: 10 }]);
    expect(bench.check(CHILE, unclaimed)).toMatchObject({ accept: false, pending: true });
  });

  it('[G3] structs referring to items the server lacks: refused, or pending when the sender owes them', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    bench.offer(PERU, typing(bench, 41, 'Peru'));
    bench.offer(CHILE, typing(bench, 42, 'Chile'));
    const intoPerusFuture = encodeUpdate([
      { id: Y.createID(42, 5), origin: Y.createID(41, 50), content: text('x') },
    ]);
    expect(refusedFor(bench.check(CHILE, intoPerusFuture))).toBe(RefusalReason.unknownReference);
    const intoOwnFuture = encodeUpdate([
      { id: Y.createID(43, 0), origin: Y.createID(42, 90), content: text('x') },
    ]);
    expect(bench.check(CHILE, intoOwnFuture)).toMatchObject({ accept: false, pending: true });
    const skipsOwnHistory = encodeUpdate([
      { id: Y.createID(42, 9), origin: Y.createID(42, 4), content: text('x') },
    ]);
    expect(bench.check(CHILE, skipsOwnHistory)).toMatchObject({ accept: false, pending: true });
    const parentUnknown = encodeUpdate([
      { id: Y.createID(42, 5), parent: Y.createID(41, 70), content: text('x') },
    ]);
    expect(refusedFor(bench.check(CHILE, parentUnknown))).toBe(RefusalReason.unknownReference);
  });
});

describe('update check: pending updates are still checked', () => {
  it('[G3] an update waiting for its own history that also forges a status is refused, not kept', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    bench.offer(CHILE, typing(bench, 44, 'abc'));
    const agree = changeOf(bench.client(44), (doc) =>
      elementOf(doc, 0).setAttribute('status', 'agreed'),
    );
    const waiting = encodeUpdate([], [{ client: 44, clock: 3, len: 5 }]);
    expect(bench.check(CHILE, waiting)).toMatchObject({ pending: true });
    const both = Y.mergeUpdates([agree, waiting]);
    expect(refusedFor(bench.check(CHILE, both))).toBe(RefusalReason.statusNotAllowed);
  });
});

describe('document index', () => {
  it('[G5] follows paragraphs added, deleted, moved and renamed, without walking the body again', () => {
    const bench = new Bench([paragraph('p1', 'a'), paragraph('p2', 'b')]);
    const index = DocumentIndex.of(bench.doc);
    expect(index.paragraph('p1')).toBe(elementOf(bench.doc, 0));
    const client = bench.client(46);
    const changes = changeOf(client, () => {
      const body = client.getXmlFragment(BODY_FIELD);
      body.delete(0, 1);
      const block = new Y.XmlElement('operative');
      block.setAttribute('id', 'p3');
      body.insert(1, [block]);
      elementOf(client, 0).setAttribute('id', 'p2-renamed');
    });
    expect(bench.offer(CHILE, changes).accept).toBe(true);
    expect(index.paragraph('p1')).toBeUndefined();
    expect(index.paragraph('p2')).toBeUndefined();
    expect(index.paragraph('p2-renamed')).toBe(elementOf(bench.doc, 0));
    expect(index.paragraph('p3')).toBe(elementOf(bench.doc, 1));
    expect(DocumentIndex.of(bench.doc)).toBe(index);
  });
});

describe('update check: status', () => {
  const newParagraph = (client: number, statuses: unknown[][], id = 'p-new') => {
    const block = Y.createID(client, 0);
    return encodeUpdate([
      { id: block, parent: BODY_FIELD, content: element('operative') },
      { id: Y.createID(client, 1), parent: block, parentSub: 'id', content: any(id) },
      ...statuses.map((values, i) => ({
        id: Y.createID(client, 2 + i),
        parent: block,
        parentSub: 'status',
        content: any(...values),
      })),
    ]);
  };

  it('[G4] a new paragraph whose status holds several values is refused', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    expect(refusedFor(bench.check(CHILE, newParagraph(51, [['pending', 'agreed']])))).toBe(
      RefusalReason.schema,
    );
    expect(refusedFor(bench.check(CHILE, newParagraph(51, [['pending'], ['agreed']])))).toBe(
      RefusalReason.statusNotAllowed,
    );
    expect(refusedFor(bench.check(CHAIR, newParagraph(52, [['pending'], ['agreed']])))).toBe(
      RefusalReason.statusNotAllowed,
    );
    expect(bench.check(CHILE, newParagraph(51, [['pending']])).accept).toBe(true);
    expect(refusedFor(bench.check(CHAIR, newParagraph(52, [['final']])))).toBe(
      RefusalReason.schema,
    );
  });

  it('[G5] an agreed paragraph cannot be deleted and re-added under its id by a delegate', () => {
    const bench = new Bench([paragraph('p1', 'hello', 'agreed'), paragraph('p2', 'world')]);
    const delegate = bench.client(61);
    const readd = changeOf(delegate, () => {
      const body = delegate.getXmlFragment(BODY_FIELD);
      body.delete(0, 1);
      const block = new Y.XmlElement('operative');
      block.setAttribute('id', 'p1');
      block.setAttribute('status', 'pending');
      const inner = new Y.XmlText();
      inner.insert(0, 'other words');
      block.insert(0, [inner]);
      body.insert(0, [block]);
    });
    expect(refusedFor(bench.check(CHILE, readd))).toBe(RefusalReason.paragraphAgreed);
    // An id another live paragraph holds is taken, whoever asks.
    const duplicate = newParagraph(62, [['pending']], 'p2');
    expect(refusedFor(bench.check(CHAIR, duplicate))).toBe(RefusalReason.schema);
  });

  it('[G6] the text of an agreed or ad ref paragraph is read-only for everyone but a chair', () => {
    const bench = new Bench([paragraph('p1', 'hello', 'agreed'), paragraph('p2', 'x', 'ad_ref')]);
    expect(refusedFor(bench.check(CHILE, typing(bench, 71, 'more')))).toBe(
      RefusalReason.paragraphAgreed,
    );
    const deleting = changeOf(bench.client(72), (doc) => textOf(doc, 1).delete(0, 1));
    expect(refusedFor(bench.check(PERU, deleting))).toBe(RefusalReason.paragraphAgreed);
    expect(bench.check(CHAIR, typing(bench, 73, 'more')).accept).toBe(true);
  });

  it('[G6] a delegate still changes pending paragraphs, and a chair sets a status', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    expect(bench.offer(CHILE, typing(bench, 74, 'more')).accept).toBe(true);
    const agree = changeOf(bench.client(75), (doc) =>
      elementOf(doc, 0).setAttribute('status', 'agreed'),
    );
    expect(refusedFor(bench.check(CHILE, agree))).toBe(RefusalReason.statusNotAllowed);
    expect(bench.offer(CHAIR, agree).accept).toBe(true);
  });
});

describe('update check: brackets', () => {
  const bracket = (...delegations: string[]) => ({ bracket: { delegations } });

  it('[G7] a delegate brackets in their own name only', () => {
    const bench = new Bench([paragraph('p1', 'to urge member states')]);
    const own = changeOf(bench.client(81), (doc) => textOf(doc, 0).format(3, 4, bracket('Chile')));
    expect(bench.check(CHILE, own).accept).toBe(true);
    const forged = changeOf(bench.client(82), (doc) =>
      textOf(doc, 0).format(3, 4, bracket('Peru')),
    );
    expect(refusedFor(bench.check(CHILE, forged))).toBe(RefusalReason.bracketNotAllowed);
    expect(bench.check(CHAIR, forged).accept).toBe(true);
  });

  it('[G7] a delegate removes only a bracket their delegation alone holds; the chair any', () => {
    const bench = new Bench([paragraph('p1', 'to urge member states')]);
    const peru = changeOf(bench.client(83), (doc) => textOf(doc, 0).format(3, 4, bracket('Peru')));
    expect(bench.offer(PERU, peru).accept).toBe(true);
    const unbracket = changeOf(bench.client(84), (doc) =>
      textOf(doc, 0).format(0, 21, { bracket: null }),
    );
    expect(refusedFor(bench.check(CHILE, unbracket))).toBe(RefusalReason.bracketNotAllowed);
    expect(bench.check(PERU, unbracket).accept).toBe(true);
    expect(bench.check(CHAIR, unbracket).accept).toBe(true);
    // Deleting the bracketed words with their bracket is editing.
    const rewrite = changeOf(bench.client(85), (doc) => textOf(doc, 0).delete(0, 21));
    expect(bench.check(CHILE, rewrite).accept).toBe(true);
  });

  it("[G7] unbracketing part of another delegation's bracket is refused; of one's own, accepted", () => {
    const bench = new Bench([paragraph('p1', 'to urge member states')]);
    const peru = changeOf(bench.client(88), (doc) => textOf(doc, 0).format(3, 11, bracket('Peru')));
    expect(bench.offer(PERU, peru).accept).toBe(true);
    const part = changeOf(bench.client(89), (doc) =>
      textOf(doc, 0).format(5, 3, { bracket: null }),
    );
    expect(refusedFor(bench.check(CHILE, part))).toBe(RefusalReason.bracketNotAllowed);
    expect(bench.check(PERU, part).accept).toBe(true);
    const rebracket = changeOf(bench.client(90), (doc) =>
      textOf(doc, 0).format(5, 3, bracket('Chile')),
    );
    // A bracket in one's own name over theirs does not remove theirs: the relay merges the two
    // once it is in (bracket-merge.ts; proved through the server in [NB16], [NB17]).
    const merged = bench.check(CHILE, rebracket);
    expect(merged.accept && !merged.empty && merged.bracketMerge?.texts).toHaveLength(1);
    const cosponsor = changeOf(bench.client(91), (doc) =>
      textOf(doc, 0).format(3, 11, bracket('Peru', 'Chile')),
    );
    expect(bench.check(CHILE, cosponsor).accept).toBe(true);
  });

  it("[G7] typing inside another delegation's bracket keeps its name and is accepted", () => {
    const bench = new Bench([paragraph('p1', 'to urge member states')]);
    bench.offer(
      PERU,
      changeOf(bench.client(86), (doc) => textOf(doc, 0).format(3, 4, bracket('Peru'))),
    );
    const inside = changeOf(bench.client(87), (doc) =>
      textOf(doc, 0).insert(5, 'x', { bracket: { delegations: ['Peru'] } }),
    );
    expect(bench.check(CHILE, inside).accept).toBe(true);
  });
});

describe('update check: schema', () => {
  const bench = () => new Bench([paragraph('p1', 'hello')]);

  it('[G8] a bare value in the body is refused', () => {
    const b = bench();
    for (const content of [
      any({ evil: true }),
      text('loose'),
      new Y.ContentJSON([1]),
      new Y.ContentBinary(new Uint8Array(3)),
      new Y.ContentEmbed({ x: 1 }),
    ]) {
      const update = encodeUpdate([{ id: Y.createID(91, 0), parent: BODY_FIELD, content }]);
      expect(refusedFor(b.check(CHILE, update))).toBe(RefusalReason.schema);
    }
  });

  it('[G8] elements nested 20,000 deep are refused quickly', () => {
    const b = bench();
    const structs = [
      { id: Y.createID(92, 0), parent: BODY_FIELD as string | Y.ID, content: element('operative') },
    ];
    for (let i = 1; i < 20_000; i++) {
      structs.push({
        id: Y.createID(92, i),
        parent: Y.createID(92, i - 1),
        content: element('operative'),
      });
    }
    const nested = encodeUpdate(structs);
    expect(refusedFor(b.check(CHILE, nested))).toBe(RefusalReason.schema);
    // Linear in the update (decoding dominates); a walk per level would take minutes.
    expect(cpuMs(() => b.check(CHILE, nested))).toBeLessThan(1000);
  });

  it('[G8] unknown node names, attributes, marks and roots are refused', () => {
    const b = bench();
    const cases = [
      encodeUpdate([{ id: Y.createID(93, 0), parent: BODY_FIELD, content: element('script') }]),
      encodeUpdate([
        { id: Y.createID(93, 0), parent: BODY_FIELD, content: element('operative') },
        {
          id: Y.createID(93, 1),
          parent: Y.createID(93, 0),
          parentSub: 'onclick',
          content: any('x'),
        },
      ]),
      encodeUpdate([
        { id: Y.createID(93, 0), parent: BODY_FIELD, content: element('subparagraph') },
        { id: Y.createID(93, 1), parent: Y.createID(93, 0), parentSub: 'level', content: any(7) },
      ]),
      encodeUpdate([
        {
          id: Y.createID(93, 0),
          parent: firstParagraphText(b.doc),
          content: format('underline', {}),
        },
      ]),
      encodeUpdate([
        {
          id: Y.createID(93, 0),
          parent: firstParagraphText(b.doc),
          content: format('bracket', { delegations: 'Peru' }),
        },
      ]),
      encodeUpdate([{ id: Y.createID(93, 0), parent: 'notes', content: any('x') }]),
      encodeUpdate([{ id: Y.createID(93, 0), parent: 'comments', content: any('x') }]),
      encodeUpdate([
        { id: Y.createID(93, 0), parent: 'comments', parentSub: 'c1', content: xmlText() },
      ]),
      encodeUpdate([
        { id: Y.createID(93, 0), parent: firstParagraphText(b.doc), content: xmlText() },
      ]),
    ];
    for (const update of cases)
      expect(refusedFor(b.check(CHILE, update))).toBe(RefusalReason.schema);
  });

  it('[G8] two new paragraphs with one id are refused', () => {
    const b = bench();
    const doc = b.client(94);
    const twins = changeOf(doc, () => {
      const blocks = [0, 1].map(() => {
        const block = new Y.XmlElement('operative');
        block.setAttribute('id', 'twin');
        return block;
      });
      doc.getXmlFragment(BODY_FIELD).insert(1, blocks);
    });
    expect(refusedFor(b.check(CHILE, twins))).toBe(RefusalReason.schema);
  });

  it('[G8] the check does not walk the document: a keystroke in a large draft stays cheap', () => {
    const paragraphs = [...Array(5000).keys()].map((i) => paragraph(`p${i}`, `words ${i}`));
    const b = new Bench(paragraphs);
    const keystroke = typing(b, 95, 'x', 4000);
    expect(checkUpdate(keystroke, b.context(CHILE)).accept).toBe(true);
    const perKeystroke = cpuMs(() => {
      for (let i = 0; i < 100; i++) checkUpdate(keystroke, b.context(CHILE));
    });
    expect(perKeystroke / 100).toBeLessThan(2);
  });
});
