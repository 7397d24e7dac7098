import * as Y from 'yjs';
import { RefusalReason } from '@accord/shared';
import type { DocumentIndex } from './document-index';
import { asElement, levelOf, type Block } from './draft-shape';
import { isDeletedBy, type UpdateView } from './update-view';

/**
 * The rules that make a paragraph's status mean something: only a chair sets or removes one (a
 * new paragraph may start `pending`, once), and only a chair freezes or clears the numbers
 * (`number`; a paragraph moved keeps its own); an agreed or ad referendum paragraph is read-only
 * for everyone else; and a paragraph id names one live paragraph, so a deleted agreed
 * paragraph cannot come back under its id with other words. O(update + touched paragraphs).
 */

export interface ParagraphRuleContext {
  canSetStatus: boolean;
  index: DocumentIndex;
  /** The live stored items this update deletes. */
  deletions: readonly Y.Item[];
}

export type ParagraphFinding = { reason: RefusalReason; detail: string };

const SETTLED: readonly unknown[] = ['agreed', 'ad_ref'];

/** Whether a stored paragraph is agreed or ad referendum. */
export function isSettled(element: Y.XmlElement): boolean {
  return SETTLED.includes(element.getAttribute('status'));
}

const keyOfBlock = (block: Block): object => ('stored' in block ? block.stored : block.created);

export function paragraphProblem(
  view: UpdateView,
  context: ParagraphRuleContext,
): ParagraphFinding | null {
  const statusOrigins = new Map<object, Set<string>>();
  const newIds = new Map<string, object>();
  const freeing = new Set<Y.XmlElement>();
  for (const item of context.deletions) {
    const element = item.content instanceof Y.ContentType ? asElement(item.content.type) : null;
    if (element) freeing.add(element);
  }
  const movedNumbers = new Set<unknown>(
    [...freeing].map((element) => element.getAttribute('number')).filter((n) => n !== undefined),
  );

  for (const struct of view.fresh) {
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) continue;
    const level = levelOf(view.placeOf(struct), view);
    if (level.level !== 'block' && level.level !== 'inline') continue;
    const { block } = level;
    const key = level.level === 'block' ? level.key : null;
    if (key === 'status') {
      // Several values for one new paragraph's status: Yjs picks one, whichever the sender
      // wants. A chair's successive changes form a chain (each after the one before).
      const origins = statusOrigins.get(keyOfBlock(block)) ?? new Set<string>();
      const origin = struct.origin ? `${struct.origin.client}:${struct.origin.clock}` : '';
      if (origins.has(origin) || (!context.canSetStatus && origins.size > 0)) {
        return {
          reason: RefusalReason.statusNotAllowed,
          detail: 'a paragraph status holds one value',
        };
      }
      origins.add(origin);
      statusOrigins.set(keyOfBlock(block), origins);
      if (!context.canSetStatus) {
        const value: unknown = (struct.content as Y.ContentAny).arr[0];
        if (!('created' in block) || value !== 'pending') {
          return {
            reason: RefusalReason.statusNotAllowed,
            detail: 'only a chair may set a paragraph status',
          };
        }
      }
      continue;
    }
    if (key === 'number') {
      // Frozen numbers are the chair's: a delegate writes one only when moving a paragraph
      // (deleting it and writing it again elsewhere with the number it had).
      const value: unknown = (struct.content as Y.ContentAny).arr[0];
      if (!context.canSetStatus && !('created' in block && movedNumbers.has(value))) {
        return {
          reason: RefusalReason.statusNotAllowed,
          detail: 'only a chair may freeze or renumber paragraphs',
        };
      }
      continue;
    }
    if (!context.canSetStatus && 'stored' in block && isSettled(block.stored)) {
      return {
        reason: RefusalReason.paragraphAgreed,
        detail: 'only a chair may change an agreed paragraph',
      };
    }
    if (key === 'id') {
      const id: unknown = (struct.content as Y.ContentAny).arr[0];
      if (typeof id !== 'string') continue;
      const holder = keyOfBlock(block);
      const other = newIds.get(id);
      const live = context.index.paragraph(id);
      if ((other && other !== holder) || (live && live !== holder && !freeing.has(live))) {
        return { reason: RefusalReason.schema, detail: `paragraph id ${id.slice(0, 40)} is taken` };
      }
      newIds.set(id, holder);
    }
  }

  if (context.canSetStatus) return null;
  for (const item of context.deletions) {
    const parent = item.parent as Y.AbstractType<unknown> | null;
    if (!parent) continue;
    if (item.parentSub === 'number') {
      const element = parent._item;
      if (element && !element.deleted && !isDeletedBy(view, element.id)) {
        return {
          reason: RefusalReason.statusNotAllowed,
          detail: 'only a chair may freeze or renumber paragraphs',
        };
      }
      continue;
    }
    if (item.parentSub === 'status') {
      const element = parent._item;
      if (element && !element.deleted && !isDeletedBy(view, element.id)) {
        return {
          reason: RefusalReason.statusNotAllowed,
          detail: 'only a chair may change a paragraph status',
        };
      }
      continue;
    }
    const type = item.content instanceof Y.ContentType ? item.content.type : null;
    const paragraph =
      asElement(type) ??
      asElement(parent) ??
      (parent instanceof Y.XmlText ? asElement(parent.parent) : null);
    if (paragraph && isSettled(paragraph)) {
      return {
        reason: RefusalReason.paragraphAgreed,
        detail: 'only a chair may change an agreed paragraph',
      };
    }
  }
  return null;
}
