import * as Y from 'yjs';
import { attributeProblem, blockName, formatProblem, isBlockName, levelOf } from './draft-shape';
import type { UpdateView } from './update-view';

/**
 * Every new item must fit the draft schema where it lands: block elements with known names in
 * the body, known attributes with values in their domain on blocks, text and known marks in a
 * block's text. A bare value in the body or an element nested in a paragraph would make the
 * content API and every export fail, so it never enters the document. O(update).
 */
export function schemaProblem(view: UpdateView): string | null {
  for (const struct of view.fresh) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentDeleted) continue;
    const level = levelOf(view.placeOf(struct), view);
    switch (level.level) {
      case 'gone':
        continue;
      case 'outside':
        return level.why;
      case 'side':
        // Its shape here; who may write it is its table's own rule (side-tables.ts).
        if (level.key === null) return `${level.table} holds keyed entries only`;
        if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
          return `an entry of ${level.table} holds one value`;
        }
        continue;
      case 'body': {
        if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.XmlElement)) {
          return 'the body holds paragraphs only';
        }
        if (!isBlockName(content.type.nodeName)) {
          return `no block is called ${content.type.nodeName.slice(0, 40)}`;
        }
        continue;
      }
      case 'block': {
        const name = blockName(level.block);
        if (level.key === null) {
          if (content instanceof Y.ContentType && content.type instanceof Y.XmlText) continue;
          return `a ${name} holds text only`;
        }
        if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
          return `attribute ${level.key.slice(0, 40)} of a ${name} holds one value`;
        }
        const problem = attributeProblem(name, level.key, content.arr[0]);
        if (problem) return problem;
        continue;
      }
      case 'inline': {
        if (level.key !== null) return 'text has no attributes';
        if (content instanceof Y.ContentString) continue;
        if (content instanceof Y.ContentFormat) {
          const problem = formatProblem(content.key, content.value);
          if (problem) return problem;
          continue;
        }
        return 'text holds characters and marks only';
      }
    }
  }
  return null;
}
