import * as Y from 'yjs';
import {
  RefusalReason,
  decidesProposals,
  editsDirectly,
  modeInParagraph,
  PARAGRAPH_MODES,
  readProposal,
  type DraftingMode,
  type Role,
} from '@accord/shared';
import { asElement, levelOf } from './draft-shape';
import { isDeletedBy, type UpdateView } from './update-view';

/**
 * Proposals speak for delegations, and the document's drafting mode says who may change the
 * text without proposing (PROTOCOL.md "Drafting modes and proposals"). y-tiptap writes a
 * `proposal` mark as a format item `proposal: {kind, id, delegations, participant}` before the
 * words and `proposal: null` (or the value in force before) after them. For a sender who does
 * not decide proposals (anyone but the chair and the secretariat):
 *
 * - in every mode, a new proposal is in its own delegation's name (or continues the proposal in
 *   force beside it), and a proposal of another delegation is neither re-marked nor unmarked;
 * - where it may only propose (a delegate in `proposals` and `penholder`): every character it
 *   writes lies inside an `insert` proposal of its own delegation; every character it deletes
 *   lay inside one (withdrawing or correcting its own proposal); in `penholder` it changes no
 *   other formatting of stored words either.
 *
 * The mode is the paragraph's where the chair set one (the `paragraphModes` side table), else
 * the document's; words in a paragraph this update creates follow the document's mode.
 *
 * O(update + touched paragraphs): the formats in force are computed once per touched text.
 */

export interface ProposalRuleContext {
  mode?: DraftingMode;
  /** The room's document, for the per-paragraph modes (none: the document's mode everywhere). */
  doc?: Y.Doc;
  /** The sender's participant id: a new proposal names it as its `participant`. */
  author: string;
  role: Role;
  delegation: string | null;
  /** The live stored items this update deletes. */
  deletions: readonly Y.Item[];
}

export interface ProposalProblem {
  reason: RefusalReason;
  detail: string;
}

const isFormat = (item: Y.Item, key?: string): boolean =>
  item.content instanceof Y.ContentFormat && (key === undefined || item.content.key === key);

/** Characters (and embeds): what "the text" is made of. */
const isWords = (item: Y.Item): boolean =>
  item.content instanceof Y.ContentString || item.content instanceof Y.ContentEmbed;

/** The value of every format key in force after each item of a stored text, per touched text. */
class FormatsInForce {
  private readonly after = new Map<Y.XmlText, Map<Y.Item, ReadonlyMap<string, unknown>>>();

  /** The value of `key` in force on `item` (after it, for a format item). */
  at(text: Y.XmlText, item: Y.Item, key: string): unknown {
    let table = this.after.get(text);
    if (!table) {
      table = new Map();
      let current = new Map<string, unknown>();
      for (let o = text._start; o !== null; o = o.right) {
        if (!o.deleted && o.content instanceof Y.ContentFormat) {
          current = new Map(current);
          current.set(o.content.key, o.content.value);
        }
        table.set(o, current);
      }
      this.after.set(text, table);
    }
    return table.get(item)?.get(key) ?? null;
  }
}

/** The value of `key` in force where new items land, found along their origins (memoised). */
class NewPositions {
  private readonly known = new Map<string, Map<Y.Item, unknown>>();

  /**
   * New format items by the item they were written right before: y-tiptap inserts words first
   * and formats them after, so the format item opening a proposal lies between the words and
   * their origin, and says what is in force on them.
   */
  private readonly formatsBefore = new Map<string, Y.Item[]>();

  constructor(
    private readonly view: UpdateView,
    private readonly stored: FormatsInForce,
  ) {
    for (const struct of view.fresh) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
      if (!struct.rightOrigin) continue;
      const right = `${struct.rightOrigin.client}:${struct.rightOrigin.clock}`;
      const list = this.formatsBefore.get(right) ?? [];
      list.push(struct);
      this.formatsBefore.set(right, list);
    }
  }

  private formatBefore(item: Y.Item, key: string): Y.ContentFormat | null {
    const list = this.formatsBefore.get(`${item.id.client}:${item.id.clock}`);
    const format = list?.filter((f) => (f.content as Y.ContentFormat).key === key).pop();
    return format ? (format.content as Y.ContentFormat) : null;
  }

  at(item: Y.Item, key: string): unknown {
    let known = this.known.get(key);
    if (!known) this.known.set(key, (known = new Map<Y.Item, unknown>()));
    const chain: Y.Item[] = [];
    let current = item;
    let found: unknown = null;
    for (;;) {
      if (known.has(current)) {
        found = known.get(current);
        break;
      }
      chain.push(current);
      const before = this.formatBefore(current, key);
      if (before) {
        found = before.value;
        break;
      }
      const located = current.origin ? this.view.locate(current.origin) : null;
      // At the start of a text nothing is in force.
      if (!located || !(located.struct instanceof Y.Item)) break;
      const left = located.struct;
      if (located.where === 'stored') {
        found = left.parent instanceof Y.XmlText ? this.stored.at(left.parent, left, key) : null;
        break;
      }
      if (left.content instanceof Y.ContentFormat && left.content.key === key) {
        found = left.content.value;
        break;
      }
      if (chain.length > this.view.fresh.length) break;
      current = left;
    }
    for (const link of chain) known.set(link, found);
    return found;
  }
}

export function proposalProblem(
  view: UpdateView,
  context: ProposalRuleContext,
): ProposalProblem | null {
  if (decidesProposals(context.role)) return null;
  const own = context.delegation;
  const documentMode = context.mode ?? 'open';
  const paragraphModes = context.doc?.getMap<unknown>(PARAGRAPH_MODES);
  const modeIn = (paragraph: Y.XmlElement | null): DraftingMode =>
    paragraph && paragraphModes && paragraphModes.size > 0
      ? modeInParagraph(documentMode, paragraphModes.get(String(paragraph.getAttribute('id'))))
      : documentMode;
  const proposeOnlyIn = (mode: DraftingMode) => !editsDirectly(context.role, mode);
  const stored = new FormatsInForce();
  const positions = new NewPositions(view, stored);
  const refuse = (detail: string, paragraph: Y.XmlElement | null = null): ProposalProblem => {
    const set = paragraph ? paragraphModes?.get(String(paragraph.getAttribute('id'))) : undefined;
    return {
      reason: RefusalReason.proposalNotAllowed,
      detail:
        typeof set === 'string'
          ? `paragraph ${String(paragraph?.getAttribute('id'))} is drafted in mode ${set}: ${detail}`
          : detail,
    };
  };
  const ownProposal = (value: unknown) => readProposal(value)?.delegations[0] === own;
  const ownInsertion = (value: unknown) => {
    const proposal = readProposal(value);
    return proposal?.kind === 'insert' && proposal.delegations[0] === own;
  };

  // Items whose clock follows directly: a format item followed by new words opens a run.
  const followed = new Set<string>();
  for (const struct of view.fresh) {
    if (struct instanceof Y.Item && struct.origin) {
      followed.add(`${struct.origin.client}:${struct.origin.clock}`);
    }
  }

  for (const struct of view.fresh) {
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) continue;
    const level = levelOf(view.placeOf(struct), view);
    if (level.level !== 'inline') continue;
    if (struct.parentSub !== null) continue;
    const paragraph = 'stored' in level.block ? level.block.stored : null;
    const mode = modeIn(paragraph);
    const proposeOnly = proposeOnlyIn(mode);

    if (isFormat(struct, 'proposal')) {
      const value = (struct.content as Y.ContentFormat).value as unknown;
      const proposal = readProposal(value);
      if (
        proposal &&
        (proposal.delegations[0] !== own || proposal.participant !== context.author)
      ) {
        // Only the proposal in force on one side may be repeated (closing a run inside it).
        const id = proposal.id;
        const besides = [positions.at(struct, 'proposal'), storedRight(view, struct, stored)];
        if (!besides.some((beside) => readProposal(beside)?.id === id)) {
          return refuse(`a new proposal is made in the sender's own name and delegation only`);
        }
      }
    }

    if (proposeOnly && isWords(struct)) {
      if (!ownInsertion(positions.at(struct, 'proposal'))) {
        return refuse('in this mode a delegation changes the text only by proposing', paragraph);
      }
    }

    // A format item written straight before stored words re-formats them.
    if (isFormat(struct) && struct.rightOrigin) {
      const last = `${struct.id.client}:${struct.id.clock + struct.length - 1}`;
      if (followed.has(last)) continue;
      const words = storedWords(view, struct.rightOrigin);
      if (!words) continue;
      const { key, value } = struct.content as Y.ContentFormat;
      const text = words.parent as Y.XmlText;
      const before = words.left ? stored.at(text, words.left, key) : null;
      if (key === 'proposal') {
        const previous = readProposal(before);
        if (previous && previous.id !== readProposal(value)?.id && !ownProposal(before)) {
          return refuse(`only the chair decides the proposal of ${previous.delegations[0]}`);
        }
      } else if (mode === 'penholder' && proposeOnly && !sameValue(before, value)) {
        return refuse('in pen-holder mode a delegation changes no formatting', paragraph);
      }
    }
  }

  for (const item of context.deletions) {
    const text = item.parent;
    if (!(text instanceof Y.XmlText) || item.parentSub !== null) continue;
    const paragraph = asElement(text.parent);
    const mode = modeIn(paragraph);
    const proposeOnly = proposeOnlyIn(mode);
    if (isFormat(item)) {
      const { key, value } = item.content as Y.ContentFormat;
      if (!wordsSurvive(view, item)) continue;
      if (key === 'proposal' && readProposal(value) && !ownProposal(value)) {
        return refuse(
          `only the chair decides the proposal of ${String(readProposal(value)?.delegations[0])}`,
        );
      }
      if (key !== 'proposal' && mode === 'penholder' && proposeOnly) {
        return refuse('in pen-holder mode a delegation changes no formatting', paragraph);
      }
      continue;
    }
    if (proposeOnly && isWords(item) && !ownInsertion(stored.at(text, item, 'proposal'))) {
      return refuse(
        'in this mode a delegation deletes words only by proposing their deletion',
        paragraph,
      );
    }
  }
  return null;
}

/** Stored live words at `id` that this update keeps, or null. */
function storedWords(view: UpdateView, id: Y.ID): Y.Item | null {
  const right = view.locate(id);
  if (!right || right.where !== 'stored' || !(right.struct instanceof Y.Item)) return null;
  const words = right.struct;
  if (words.deleted || !(words.parent instanceof Y.XmlText)) return null;
  if (isDeletedBy(view, words.id)) return null;
  return words;
}

/** The value of a format item's key in force on the stored item to its right, if any. */
function storedRight(view: UpdateView, item: Y.Item, stored: FormatsInForce): unknown {
  if (!item.rightOrigin) return null;
  const right = view.locate(item.rightOrigin);
  if (!right || right.where !== 'stored' || !(right.struct instanceof Y.Item)) return null;
  const text = right.struct.parent;
  if (!(text instanceof Y.XmlText)) return null;
  return stored.at(text, right.struct, (item.content as Y.ContentFormat).key);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Whether words formatted by a deleted format item stay in the text. */
function wordsSurvive(view: UpdateView, format: Y.Item): boolean {
  const key = (format.content as Y.ContentFormat).key;
  for (let o = format.right; o !== null; o = o.right) {
    if (o.content instanceof Y.ContentFormat) {
      if (o.content.key === key && !o.deleted && !isDeletedBy(view, o.id)) return false;
      continue;
    }
    if (o.deleted || !o.countable) continue;
    if (!view.deletes(o.id.client, o.id.clock, o.length)) return true;
  }
  return false;
}
