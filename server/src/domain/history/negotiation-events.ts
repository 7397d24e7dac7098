import * as Y from 'yjs';
import {
  BODY_FIELD,
  BRACKET_SPONSORS,
  bracketHolders,
  parseBracketSponsorKey,
  sponsorTable,
  type NegotiationChange,
} from '@accord/shared';
import { isParagraphStatus, type ParagraphStatus } from '@accord/shared/schema/attributes';
import type { UpdateRecord } from '../../storage';
import type { ChangeAuthor } from './people';

/**
 * The negotiation's history, read from the update log: the log is replayed from a starting
 * state, and after each update the paragraphs it touched are read again and compared with what
 * they held before (their status, and their brackets by id with who holds each). Joining a
 * bracket through the `bracketSponsors` side table re-reads the paragraphs holding that
 * bracket. Costs O(state + log + touched paragraphs), and nothing while nothing is asked.
 */

interface BracketState {
  text: string;
  holders: string[];
}

interface ParagraphState {
  status: ParagraphStatus | null;
  /** Bracket key (its id, or its place for brackets without one) → what it holds. */
  brackets: Map<string, BracketState>;
}

/** Reads one paragraph: its status and its brackets, each id's runs joined. */
function readParagraph(element: Y.XmlElement, sponsors: Y.Map<unknown> | null): ParagraphState {
  const status = element.getAttribute('status');
  const brackets = new Map<string, BracketState>();
  let anonymous = 0;
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    let open: unknown = null;
    let previous: unknown = null;
    for (let o = child._start; o !== null; o = o.right) {
      if (o.deleted) continue;
      if (o.content instanceof Y.ContentFormat) {
        if (o.content.key === 'bracket') open = o.content.value;
        continue;
      }
      if (!(o.content instanceof Y.ContentString)) continue;
      if (open === null || typeof open !== 'object') {
        previous = null;
        continue;
      }
      const value = open as { id?: unknown; delegations?: unknown };
      const key =
        typeof value.id === 'string' ? value.id : `#${open === previous ? anonymous : ++anonymous}`;
      const found = brackets.get(key);
      if (found) found.text += o.content.str;
      else brackets.set(key, { text: o.content.str, holders: bracketHolders(value, sponsors) });
      previous = open;
    }
  }
  return { status: isParagraphStatus(status) ? status : null, brackets };
}

function paragraphIdOf(element: Y.XmlElement): string | null {
  const id = element.getAttribute('id');
  return typeof id === 'string' && id !== '' ? id : null;
}

/** The top-level paragraph a changed type sits in, or null (the body itself, a side table). */
function paragraphOf(type: Y.AbstractType<unknown>, body: Y.XmlFragment): Y.XmlElement | null {
  let current: Y.AbstractType<unknown> | null = type;
  while (current && current.parent !== body) {
    current = current.parent;
  }
  return current instanceof Y.XmlElement ? current : null;
}

/**
 * Replays `records` on `start` (a version's full state, or null for an empty document) and
 * returns every negotiation change they make, in history order.
 */
export function negotiationChanges(
  start: Uint8Array | null,
  records: readonly UpdateRecord[],
  name: (author: string | undefined) => ChangeAuthor,
): NegotiationChange[] {
  const doc = new Y.Doc();
  // Opened before anything arrives, so that joins are seen in the update that makes them.
  doc.getMap(BRACKET_SPONSORS);
  try {
    if (start) Y.applyUpdate(doc, start);
    const body = doc.getXmlFragment(BODY_FIELD);
    const sponsors = (): Y.Map<unknown> | null => sponsorTable(doc);
    const known = new Map<Y.XmlElement, { id: string; state: ParagraphState }>();
    /** Bracket keys of paragraphs deleted by the update being replayed (a move re-creates them). */
    const vanished = new Set<string>();
    const readAll = () => {
      const seen = new Set<Y.XmlElement>();
      for (const node of body.toArray()) {
        if (!(node instanceof Y.XmlElement)) continue;
        seen.add(node);
        const id = paragraphIdOf(node);
        if (id && !known.has(node)) known.set(node, { id, state: readParagraph(node, sponsors()) });
      }
      for (const [element, { state }] of known) {
        if (seen.has(element)) continue;
        for (const key of state.brackets.keys()) vanished.add(key);
        known.delete(element);
      }
      return seen;
    };
    readAll();

    const changes: NegotiationChange[] = [];
    let touched = new Set<Y.XmlElement>();
    let bodyChanged = false;
    const touchedBrackets = new Set<string>();
    const bodyType: unknown = body;
    const sponsorType: unknown = doc.share.get(BRACKET_SPONSORS);
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const [changed, keys] of transaction.changed) {
        const type = changed as Y.AbstractType<unknown>;
        if (type === bodyType) bodyChanged = true;
        else if (type === sponsorType) {
          for (const key of keys) {
            const parsed = key ? parseBracketSponsorKey(key) : null;
            if (parsed) touchedBrackets.add(parsed.bracketId);
          }
        } else {
          const paragraph = paragraphOf(type, body);
          if (paragraph) touched.add(paragraph);
        }
      }
    });

    for (const group of bursts(records)) {
      const record = group[group.length - 1]!;
      touched = new Set();
      bodyChanged = false;
      touchedBrackets.clear();
      vanished.clear();
      for (const part of group) Y.applyUpdate(doc, part.update);
      if (touchedBrackets.size > 0) {
        for (const [element, { state }] of known) {
          if ([...touchedBrackets].some((id) => state.brackets.has(id))) touched.add(element);
        }
      }
      const author = name(record.author);
      const at = new Date(record.at).toISOString();
      const of = (
        kind: NegotiationChange['kind'],
        paragraphId: string,
        extra: Partial<NegotiationChange>,
      ): NegotiationChange => ({
        kind,
        paragraphId,
        ...extra,
        delegation: author.delegation,
        participant: author.participant,
        at,
        seq: record.seq,
      });
      // Brackets that left one paragraph and arrived in another (a split, a move) stay put.
      const arrived = new Map<string, { paragraphId: string; bracket: BracketState }>();
      const departed = new Map<string, { paragraphId: string; bracket: BracketState }>();
      const present = bodyChanged ? readAll() : null;
      const metas = present ? group.map((part) => Y.parseUpdateMeta(part.update)) : [];
      for (const element of touched) {
        const entry = known.get(element);
        if (!entry || element._item?.deleted || (present && !present.has(element))) continue;
        const before = entry.state;
        const after = readParagraph(element, sponsors());
        entry.state = after;
        if (before.status && after.status && before.status !== after.status) {
          changes.push(of('statusChanged', entry.id, { from: before.status, to: after.status }));
        }
        for (const [key, bracket] of after.brackets) {
          const was = before.brackets.get(key);
          if (!was) arrived.set(key, { paragraphId: entry.id, bracket });
          else {
            const base = { bracketId: key, text: bracket.text };
            for (const holder of bracket.holders) {
              if (!was.holders.includes(holder)) {
                changes.push(of('bracketJoined', entry.id, { ...base, delegations: [holder] }));
              }
            }
            for (const holder of was.holders) {
              if (!bracket.holders.includes(holder)) {
                changes.push(of('bracketLeft', entry.id, { ...base, delegations: [holder] }));
              }
            }
          }
        }
        for (const [key, bracket] of before.brackets) {
          if (after.brackets.has(key)) continue;
          // Its words gone with it: an edit of the text, not an unbracketing.
          if (plainText(element).includes(bracket.text))
            departed.set(key, { paragraphId: entry.id, bracket });
        }
      }
      if (present) {
        // Paragraphs new in this update: their brackets are placed now (or moved here).
        for (const element of present) {
          const entry = known.get(element);
          if (!entry || touched.has(element) || !metas.some((meta) => isNewElement(element, meta)))
            continue;
          for (const [key, bracket] of entry.state.brackets) {
            if (!vanished.has(key)) arrived.set(key, { paragraphId: entry.id, bracket });
          }
        }
      }
      for (const [key, { paragraphId, bracket }] of arrived) {
        if (departed.delete(key)) continue;
        changes.push(
          of('bracketPlaced', paragraphId, {
            ...(key.startsWith('#') ? {} : { bracketId: key }),
            text: bracket.text,
            delegations: bracket.holders,
          }),
        );
      }
      for (const [key, { paragraphId, bracket }] of departed) {
        changes.push(
          of('bracketRemoved', paragraphId, {
            ...(key.startsWith('#') ? {} : { bracketId: key }),
            text: bracket.text,
            delegations: bracket.holders,
          }),
        );
      }
    }
    return changes;
  } finally {
    doc.destroy();
  }
}

/**
 * The log cut into bursts: consecutive updates of one author within a second are read as one
 * change, so that a bracket and the relay's merge of it with a concurrent one (bracket-merge.ts,
 * written under the same author straight after) tell one story.
 */
function bursts(records: readonly UpdateRecord[]): UpdateRecord[][] {
  const groups: UpdateRecord[][] = [];
  for (const record of records) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    if (
      last &&
      previous &&
      previous.author === record.author &&
      record.at - previous.at <= BURST_MS
    ) {
      last.push(record);
    } else {
      groups.push([record]);
    }
  }
  return groups;
}

const BURST_MS = 1000;

/** Whether `element` was created by the update `meta` describes (its item is one of it). */
function isNewElement(
  element: Y.XmlElement,
  meta: { from: Map<number, number>; to: Map<number, number> },
): boolean {
  const item = element._item;
  if (!item) return false;
  const from = meta.from.get(item.id.client);
  const to = meta.to.get(item.id.client);
  return from !== undefined && to !== undefined && from <= item.id.clock && item.id.clock < to;
}

function plainText(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (let o = child._start; o !== null; o = o.right) {
        if (!o.deleted && o.content instanceof Y.ContentString) text += o.content.str;
      }
    }
  }
  return text;
}
