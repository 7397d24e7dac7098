import * as Y from 'yjs';
import { BODY_FIELD, isFrozenNumber, isSideTable, type SideTable } from '@accord/shared';
import { draftSchema, footnoteProblem, isParagraphStatus } from '@accord/shared/schema/index';
import { proposalFormatProblem } from './proposal-shape';
import type { Place, UpdateView } from './update-view';

/**
 * The shape every draft has in Yjs, as y-tiptap writes it: the `body` fragment holds block
 * elements only; a block holds its attributes and `XmlText`s; a text holds strings and the
 * format marks of the draft schema. Nothing nests deeper, so where an item lands is answered
 * in O(1) from its parent.
 */

/** `value` as an element, if it is one (`instanceof` alone types it with `any`). */
export function asElement(value: unknown): Y.XmlElement | null {
  return value instanceof Y.XmlElement ? value : null;
}

/** A paragraph: an element the document holds, or one this update creates. */
export type Block = { stored: Y.XmlElement } | { created: Y.Item; name: string };

export type Level =
  | { level: 'body' }
  | { level: 'block'; block: Block; key: string | null }
  | { level: 'inline'; block: Block; key: string | null }
  /** An entry of a side table (a root map beside the body). */
  | { level: 'side'; table: SideTable; key: string | null }
  | { level: 'outside'; why: string }
  | { level: 'gone' };

const isBody = (type: unknown, view: UpdateView) => type === view.body;

/** The body child a stored type lies in, and how deep. */
function storedLevel(type: Y.AbstractType<unknown>, key: string | null, view: UpdateView): Level {
  const holder = type._item;
  if (!holder) {
    return isBody(type, view) && key === null
      ? { level: 'body' }
      : { level: 'outside', why: 'outside the body' };
  }
  const parent = holder.parent as Y.AbstractType<unknown> | null;
  if (type instanceof Y.XmlText) {
    const element = asElement(parent);
    if (element?._item && isBody(element._item.parent, view)) {
      return { level: 'inline', block: { stored: element }, key };
    }
    return { level: 'outside', why: 'text outside a paragraph' };
  }
  const element = asElement(type);
  if (element && isBody(parent, view)) {
    return { level: 'block', block: { stored: element }, key };
  }
  return { level: 'outside', why: 'nested deeper than the schema allows' };
}

/** Where an item of the update lands, in the draft's terms. */
export function levelOf(place: Place, view: UpdateView): Level {
  switch (place.kind) {
    case 'gone':
      return { level: 'gone' };
    case 'missing':
      // Only the sender's own history can be missing here (anything else was refused): the
      // item is checked when the update is retried with that history in place.
      return { level: 'gone' };
    case 'root':
      if (place.name === BODY_FIELD && place.sub === null) return { level: 'body' };
      if (isSideTable(place.name)) return { level: 'side', table: place.name, key: place.sub };
      return { level: 'outside', why: `outside the body (${place.name || 'unnamed'})` };
    case 'stored':
      return storedLevel(place.type, place.sub, view);
    case 'new': {
      // Not recursive: a new element may only sit in the body, a new text only in a block.
      const type = (place.holder.content as Y.ContentType).type;
      const holderPlace = view.placeOf(place.holder);
      // A holder placed in the sender's own missing history is checked when the update is
      // retried with that history in place (the verdict is pending meanwhile).
      if (holderPlace.kind === 'gone' || holderPlace.kind === 'missing') return { level: 'gone' };
      if (type instanceof Y.XmlElement) {
        if (
          holderPlace.kind === 'root' &&
          holderPlace.name === BODY_FIELD &&
          holderPlace.sub === null
        ) {
          return {
            level: 'block',
            block: { created: place.holder, name: type.nodeName },
            key: place.sub,
          };
        }
        return { level: 'outside', why: 'nested deeper than the schema allows' };
      }
      if (type instanceof Y.XmlText && holderPlace.sub === null) {
        if (holderPlace.kind === 'stored') {
          const outer = storedLevel(holderPlace.type, null, view);
          if (outer.level === 'block')
            return { level: 'inline', block: outer.block, key: place.sub };
        } else if (holderPlace.kind === 'new') {
          const element = (holderPlace.holder.content as Y.ContentType).type;
          const elementPlace = view.placeOf(holderPlace.holder);
          if (elementPlace.kind === 'gone' || elementPlace.kind === 'missing') {
            return { level: 'gone' };
          }
          if (
            element instanceof Y.XmlElement &&
            elementPlace.kind === 'root' &&
            elementPlace.name === BODY_FIELD &&
            elementPlace.sub === null
          ) {
            return {
              level: 'inline',
              block: { created: holderPlace.holder, name: element.nodeName },
              key: place.sub,
            };
          }
        }
      }
      return { level: 'outside', why: 'nested deeper than the schema allows' };
    }
  }
}

/** Block names and their attributes, from the shared draft schema. */
const blocks: ReadonlyMap<string, readonly string[]> = (() => {
  const result = new Map<string, readonly string[]>();
  for (const [name, type] of Object.entries(draftSchema().nodes)) {
    if (type.isBlock && name !== 'doc') result.set(name, Object.keys(type.spec.attrs ?? {}));
  }
  return result;
})();

/** Format keys (y-tiptap writes a mark as a format attribute under its name). */
const marks: ReadonlySet<string> = new Set(Object.keys(draftSchema().marks));

export function isBlockName(name: string): boolean {
  return blocks.has(name);
}

export function blockName(block: Block): string {
  return 'stored' in block ? block.stored.nodeName : block.name;
}

const MAX_ID_LENGTH = 200;

/** Why `value` cannot be attribute `key` of block `name`, or null when it can. */
export function attributeProblem(name: string, key: string, value: unknown): string | null {
  const known = blocks.get(name);
  if (!known?.includes(key)) return `${name} has no attribute ${key}`;
  const ok = (() => {
    switch (key) {
      case 'id':
        return (
          value === null ||
          (typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH)
        );
      case 'status':
        return isParagraphStatus(value);
      case 'alternative':
        return typeof value === 'boolean';
      case 'number':
        return value === null || isFrozenNumber(value);
      case 'level':
        return value === 1 || value === 2;
      default:
        return value === null || ['string', 'number', 'boolean'].includes(typeof value);
    }
  })();
  return ok ? null : `${key} of ${name} cannot be ${JSON.stringify(value)?.slice(0, 40)}`;
}

const MAX_SPONSORS = 64;

/** Whether `value` can name a bracket: a short id without the side table's `:` separator. */
export function isBracketId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH &&
    !value.includes(':')
  );
}

/** The delegations a bracket format value names, or null when the value is not a bracket's. */
export function bracketSponsors(value: unknown): string[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.some((key) => key !== 'delegations' && key !== 'id')) return null;
  // The id keys co-sponsors in the side table; older brackets have none.
  const id = (value as { id?: unknown }).id ?? null;
  if (id !== null && !isBracketId(id)) return null;
  const delegations = (value as { delegations?: unknown }).delegations ?? [];
  if (!Array.isArray(delegations) || delegations.length > MAX_SPONSORS) return null;
  if (!delegations.every((d): d is string => typeof d === 'string' && d.length <= MAX_ID_LENGTH)) {
    return null;
  }
  return delegations;
}

/** Why `value` cannot be format `key`, or null when it can. */
export function formatProblem(key: string, value: unknown): string | null {
  if (!marks.has(key)) return `no mark ${key}`;
  if (value === null) return null;
  if (key === 'bracket') return bracketSponsors(value) ? null : 'a bracket names its delegations';
  if (key === 'footnote') return footnoteProblem(value);

  if (key === 'proposal') return proposalFormatProblem(value);
  if (value === true) return null;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return null;
  return `mark ${key} cannot be ${JSON.stringify(value)?.slice(0, 40)}`;
}
