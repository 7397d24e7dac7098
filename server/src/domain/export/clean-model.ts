import { numberBlocks, type BlockNumber, type DraftStyle, type NodeJSON } from '@accord/shared';
import { blockLevel, blockType, inlineRuns, type BlockModel, type DraftModel } from './model';
import { NoteCounter, toPieces } from './pieces';

/**
 * The layout model of a text as it stands: the whole of a clean export, and a tracked export's
 * unchanged blocks.
 */

/** A block as it stands, without changes: the whole of a clean export, and in a tracked one
 * every block the comparison does not mention (headings, notes). */
export function unchangedBlock(
  node: NodeJSON,
  number: BlockNumber | null,
  notes: NoteCounter,
): BlockModel {
  return {
    type: blockType(node),
    id: typeof node.attrs?.id === 'string' ? node.attrs.id : null,
    level: blockLevel(node),
    status: typeof node.attrs?.status === 'string' ? node.attrs.status : null,
    value: number?.value ?? null,
    label: number ? [{ text: number.label, change: 'equal', delegation: null }] : [],
    change: 'unchanged',
    delegation: null,
    moveNote: null,
    pieces: toPieces(inlineRuns(node), notes),
    ...(node.type === 'annexHeading' ? { annexHeading: true } : {}),
  };
}

export function buildCleanModel(content: NodeJSON, style: DraftStyle): DraftModel {
  const nodes = content.content ?? [];
  const numbers = numberBlocks(nodes, style);
  const notes = new NoteCounter();
  const blocks = nodes.map((node, index) => unchangedBlock(node, numbers[index] ?? null, notes));
  return { blocks, notes: notes.notes, tracked: false };
}
