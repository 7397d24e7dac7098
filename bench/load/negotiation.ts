import * as Y from 'yjs';
import { randomId } from '@accord/shared/ids';
import type { BenchClient } from './client';

/**
 * The negotiation traffic of the `negotiation` scenario, on top of the typing: what delegates
 * and a chair do during a reading besides writing words. Every fourth change of a writer is
 * followed by one of these, in turn, in the writer's own paragraph (so no one's update is
 * refused for touching another's bracket or an agreed paragraph):
 *
 * - a delegate brackets its last two words in its delegation's name (a `bracket` mark), later
 *   lifts that bracket again, posts a comment on the paragraph (a `comments` side-table entry),
 *   and proposes an insertion (a `proposal` mark) that a co-sponsor could join;
 * - the chair (the first writer) moves its paragraph's status pending → ad ref → agreed →
 *   pending, and brackets and comments like the others.
 *
 * None of these carry a latency token: they are load, and the typing is what is measured.
 */

/** Who a writer is on the server: its participant id, delegation and role. */
export interface Person {
  participant: string;
  delegation: string;
  chair: boolean;
}

const STATUSES = ['ad_ref', 'agreed', 'pending'] as const;

function paragraphOf(text: Y.XmlText): Y.XmlElement {
  const parent: unknown = text.parent;
  if (!(parent instanceof Y.XmlElement)) throw new RangeError('the text has no paragraph');
  return parent as Y.XmlElement;
}

/** Makes negotiation step `step` (0, 1, 2, …) of `client` in its paragraph `text`. */
export function negotiate(client: BenchClient, text: Y.XmlText, step: number, person: Person) {
  const doc = client.doc;
  if (!doc) return;
  const paragraph = paragraphOf(text);
  const paragraphId = String(paragraph.getAttribute('id'));
  const kinds = person.chair
    ? ['status', 'bracket', 'comment', 'unbracket']
    : ['bracket', 'comment', 'propose', 'unbracket'];
  const kind = kinds[step % kinds.length];
  const length = text.length;
  switch (kind) {
    case 'status':
      paragraph.setAttribute(
        'status',
        STATUSES[Math.floor(step / kinds.length) % STATUSES.length]!,
      );
      return;
    case 'bracket': {
      // The last two words (a token and its space each): about 40 characters.
      const from = Math.max(0, length - 40);
      if (length - from < 2) return;
      text.format(from, length - from, {
        bracket: { id: randomId(), delegations: [person.delegation] },
      });
      return;
    }
    case 'unbracket':
      if (length > 0) text.format(0, length, { bracket: null });
      return;
    case 'comment': {
      const id = randomId();
      doc.getMap('comments').set(id, {
        id,
        paragraphId,
        quote: '',
        text: 'We would prefer “promote” to “urge” here.',
        participant: person.participant,
        delegation: person.delegation,
        createdAt: new Date().toISOString(),
        resolved: false,
      });
      return;
    }
    case 'propose':
      text.insert(length, 'and its regional partners ', {
        proposal: {
          kind: 'insert',
          id: randomId(),
          delegations: [person.delegation],
          participant: person.participant,
        },
      });
      return;
  }
}
