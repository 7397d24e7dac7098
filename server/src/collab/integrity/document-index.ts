import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared';
import { asElement } from './draft-shape';

/**
 * Paragraph id → the paragraph element holding it, for the live body of one room's document.
 * Built once (O(paragraphs)) and kept current by a deep observer that looks only at the body's
 * own children and their `id` attribute, so the update check answers "is this id taken?" in
 * O(1) instead of walking the document on every keystroke.
 *
 * A room gets its index with `DocumentIndex.of(doc)`; the first call builds it, later calls
 * return the same one, and it follows every change applied to the document (including the
 * room's own load), so nothing else has to feed it.
 */
export class DocumentIndex {
  private static readonly indexes = new WeakMap<Y.Doc, DocumentIndex>();
  private readonly byId = new Map<string, Y.XmlElement>();
  /** The id each indexed element had when indexed (a deleted element no longer shows it). */
  private readonly idOf = new Map<Y.XmlElement, string>();
  /** Elements whose id another live element already held (junk from before ids were checked). */
  private shadowed = 0;
  private readonly body: Y.XmlFragment;

  static of(doc: Y.Doc): DocumentIndex {
    let index = DocumentIndex.indexes.get(doc);
    if (!index) {
      index = new DocumentIndex(doc);
      DocumentIndex.indexes.set(doc, index);
    }
    return index;
  }

  private constructor(doc: Y.Doc) {
    this.body = doc.getXmlFragment(BODY_FIELD);
    for (const child of this.body.toArray()) if (child instanceof Y.XmlElement) this.add(child);
    this.body.observeDeep((events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.follow(events));
  }

  /** The live paragraph holding `id`, if any. */
  paragraph(id: string): Y.XmlElement | undefined {
    const element = this.byId.get(id);
    return element && !element._item?.deleted ? element : undefined;
  }

  get size(): number {
    return this.byId.size;
  }

  private add(element: Y.XmlElement): void {
    const id = element.getAttribute('id') as unknown;
    if (typeof id !== 'string') return;
    if (this.paragraph(id)) {
      this.shadowed += 1;
      return;
    }
    this.byId.set(id, element);
    this.idOf.set(element, id);
  }

  private remove(element: Y.XmlElement): void {
    const id = this.idOf.get(element);
    if (id === undefined) return;
    this.idOf.delete(element);
    if (this.byId.get(id) !== element) return;
    this.byId.delete(id);
    if (this.shadowed > 0) {
      // Another live paragraph may hold the same id: it takes the place.
      for (const child of this.body.toArray()) {
        if (child instanceof Y.XmlElement && child !== element && child.getAttribute('id') === id) {
          this.byId.set(id, child);
          this.idOf.set(child, id);
          this.shadowed -= 1;
          break;
        }
      }
    }
  }

  private follow(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    for (const event of events) {
      if (event.target === this.body) {
        for (const item of event.changes.deleted) {
          const element = asElement((item.content as Y.ContentType).type);
          if (element) this.remove(element);
        }
        for (const item of event.changes.added) {
          const element = asElement((item.content as Y.ContentType).type);
          if (element) this.add(element);
        }
      } else {
        const element = asElement(event.target);
        if (!element || element.parent !== this.body || !event.changes.keys.has('id')) continue;
        this.remove(element);
        if (!element._item?.deleted) this.add(element);
      }
    }
  }
}
