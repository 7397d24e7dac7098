import * as Y from 'yjs';
import { bracketHolders, sponsorTable } from '@accord/shared';
import { bracketSponsors, levelOf } from './draft-shape';
import { isDeletedBy, type UpdateView } from './update-view';

/**
 * Brackets speak for delegations: a `bracket` mark names who proposed the bracketed text
 * (y-tiptap writes it as a format attribute `bracket: {delegations}` before the text and
 * `bracket: null` after it). A delegate may bracket in their own delegation's name only (or
 * keep the names of a bracket they type inside), and may remove a bracket only when no other
 * delegation holds it; removing a bracket's words along with it is editing, not unbracketing.
 * The chair may remove any bracket. Delegations that joined a bracket (the `bracketSponsors`
 * side table) hold it as much as those on its mark. O(update + touched paragraphs + sponsors of
 * removed brackets).
 */

export interface BracketRuleContext {
  delegation: string | null;
  canRemoveAnyBracket: boolean;
  deletions: readonly Y.Item[];
  /**
   * Filled with the stored paragraphs where the update opens a bracket in its sender's name:
   * there a bracket placed at the same moment by another delegation may be cut by the merge,
   * and the relay gives both their text back once the update is in (see bracket-merge.ts).
   * Without it, a new bracket over another delegation's is refused as before.
   */
  merges?: Set<Y.XmlText>;
}

/** The stored text a new item lands in, or null. */
function storedText(view: UpdateView, item: Y.Item): Y.XmlText | null {
  const place = view.placeOf(item);
  return place.kind === 'stored' && place.type instanceof Y.XmlText ? place.type : null;
}

const isBracket = (item: Y.Item) =>
  item.content instanceof Y.ContentFormat && item.content.key === 'bracket';

/** Everyone holding the bracket a stored format item opens: its mark's and the joined. */
function holders(item: Y.Item): string[] | null {
  const value: unknown = (item.content as Y.ContentFormat).value;
  if (!bracketSponsors(value)) return null;
  const doc = (item.parent as Y.AbstractType<unknown> | null)?.doc;
  return bracketHolders(value as { id?: unknown; delegations?: unknown }, sponsorTable(doc));
}

/** The sponsors in force after each item of a stored text, computed once per touched text. */
class ActiveBrackets {
  private readonly after = new Map<Y.XmlText, Map<Y.Item, readonly string[]>>();

  at(text: Y.XmlText, item: Y.Item): readonly string[] {
    let table = this.after.get(text);
    if (!table) {
      table = new Map();
      let current: readonly string[] = [];
      for (let o = text._start; o !== null; o = o.right) {
        if (!o.deleted && isBracket(o)) {
          current = holders(o) ?? [];
        }
        table.set(o, current);
      }
      this.after.set(text, table);
    }
    return table.get(item) ?? [];
  }
}

export function bracketProblem(view: UpdateView, context: BracketRuleContext): string | null {
  if (context.canRemoveAnyBracket) return null;
  const own = context.delegation;
  const active = new ActiveBrackets();
  const anchors = new Anchors();
  /** Sponsors named by the update's own new brackets, per text. */
  const named = new Set<string>();

  for (const struct of view.fresh) {
    if (!(struct instanceof Y.Item) || !isBracket(struct)) continue;
    const sponsors = bracketSponsors((struct.content as Y.ContentFormat).value);
    if (!sponsors) continue;
    for (const sponsor of sponsors) named.add(sponsor);
    if (own !== null && sponsors.includes(own) && context.merges) {
      const text = storedText(view, struct);
      if (text) context.merges.add(text);
    }
    const foreign = sponsors.filter((sponsor) => sponsor !== own);
    if (foreign.length === 0) continue;
    // Typing inside someone's bracket repeats its sponsors; anything else is in their name.
    const inForce = sponsorsWhere(view, struct, active, anchors);
    if (foreign.some((sponsor) => !inForce.includes(sponsor))) {
      return `only ${foreign.join(', ').slice(0, 80)} may bracket in their name`;
    }
  }

  // A new mark written straight before stored words re-brackets them: the sponsors it drops
  // are removed from those words (this is how an editor unbrackets part of a bracket).
  const followed = new Set<string>();
  for (const struct of view.fresh) {
    if (struct instanceof Y.Item && struct.origin) {
      followed.add(`${struct.origin.client}:${struct.origin.clock}`);
    }
  }
  for (const struct of view.fresh) {
    if (!(struct instanceof Y.Item) || !isBracket(struct) || !struct.rightOrigin) continue;
    const last = `${struct.id.client}:${struct.id.clock + struct.length - 1}`;
    if (followed.has(last)) continue;
    const right = view.locate(struct.rightOrigin);
    if (!right || right.where !== 'stored' || !(right.struct instanceof Y.Item)) continue;
    const words = right.struct;
    if (words.deleted || !words.countable || isDeletedBy(view, words.id)) continue;
    const text = words.parent;
    if (!(text instanceof Y.XmlText)) continue;
    const before = words.left ? active.at(text, words.left) : [];
    const after = bracketSponsors((struct.content as Y.ContentFormat).value) ?? [];
    const dropped = before.filter((sponsor) => sponsor !== own && !after.includes(sponsor));
    // Opening our own bracket over theirs, or closing it inside theirs, is not removing theirs:
    // the relay merges the two once the update is in.
    const ours = own !== null && after.includes(own);
    const closesOurs = after.length === 0 && context.merges?.has(text) === true;
    if (dropped.length > 0 && context.merges && (ours || closesOurs)) {
      context.merges.add(text);
      continue;
    }
    if (dropped.length > 0) return "only the chair may remove another delegation's bracket";
  }

  for (const item of context.deletions) {
    if (!isBracket(item)) continue;
    const sponsors = holders(item);
    if (!sponsors) continue;
    const others = sponsors.filter((sponsor) => sponsor !== own);
    if (others.length === 0 || others.every((sponsor) => named.has(sponsor))) continue;
    if (wordsSurvive(view, item)) return "only the chair may remove another delegation's bracket";
  }
  return null;
}

/**
 * The sponsors in force where a new bracket is written: on either side of it, at its nearest
 * stored neighbours (a bracket typed inside or against another may repeat its names). The
 * neighbour of each new item is remembered, so a long new run is followed once.
 */
function sponsorsWhere(
  view: UpdateView,
  item: Y.Item,
  active: ActiveBrackets,
  anchors: Anchors,
): readonly string[] {
  const level = levelOf(view.placeOf(item), view);
  if (level.level !== 'inline') return [];
  const found: string[] = [];
  for (const side of ['origin', 'rightOrigin'] as const) {
    const stored = anchors.find(view, item, side);
    const text = stored?.parent;
    if (stored && text instanceof Y.XmlText) found.push(...active.at(text, stored));
  }
  return found;
}

/** The nearest stored item along new items' origins (or right origins), remembered. */
class Anchors {
  private readonly known = {
    origin: new Map<Y.Item, Y.Item | null>(),
    rightOrigin: new Map<Y.Item, Y.Item | null>(),
  };

  find(view: UpdateView, item: Y.Item, side: 'origin' | 'rightOrigin'): Y.Item | null {
    const known = this.known[side];
    const chain: Y.Item[] = [];
    let current: Y.Item = item;
    let found: Y.Item | null = null;
    for (;;) {
      const remembered = known.get(current);
      if (remembered !== undefined) {
        found = remembered;
        break;
      }
      chain.push(current);
      const id = current[side];
      const located = id ? view.locate(id) : null;
      if (!located || !(located.struct instanceof Y.Item) || chain.length > view.fresh.length) {
        break;
      }
      if (located.where === 'stored') {
        found = located.struct;
        break;
      }
      current = located.struct;
    }
    for (const link of chain) known.set(link, found);
    return found;
  }
}

/** Whether words bracketed by a deleted bracket mark stay in the text. */
function wordsSurvive(view: UpdateView, mark: Y.Item): boolean {
  for (let o = mark.right; o !== null; o = o.right) {
    if (o.content instanceof Y.ContentFormat) {
      if (isBracket(o) && !o.deleted) return false;
      continue;
    }
    if (o.deleted || !o.countable) continue;
    if (!view.deletes(o.id.client, o.id.clock, o.length)) return true;
  }
  return false;
}
