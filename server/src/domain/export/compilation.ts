import { numberBlocks, readProposal, type NodeJSON } from '@accord/shared';
import { unchangedBlock } from './clean-model';
import { cleanText, inlineRuns, type DraftModel, type TextRunModel } from './model';
import { NoteCounter, toPieces } from './pieces';
import type { ExportInput } from './types';

/**
 * The compilation text secretariats circulate: the current text with every open proposal
 * inline, a proposed insertion as an insertion (bold), a proposed deletion as a deletion (struck
 * through), each followed by its delegations in brackets, "to promote **and support** (Canada,
 * Mexico)", paragraph by paragraph. The model is a tracked one, so every renderer draws the
 * proposals as it draws revisions: DOCX as real Word revisions (`w:ins`, `w:del`) authored by the
 * delegations, HTML as `<ins>`/`<del>`, PDF underlined and struck through. In DOCX the
 * delegations are the revisions' author and not repeated as text, so accepting every revision
 * in Word gives exactly the text with all proposals accepted, and rejecting them the agreed text.
 */

/** Delegations of each proposal by id (the mark's and the supporters'), proposer first. */
export type ProposalDelegations = ReadonlyMap<string, readonly string[]>;

export function buildCompilationModel(
  input: ExportInput,
  delegations: ProposalDelegations,
  options: { annotate: boolean },
): DraftModel {
  const nodes = input.content.content ?? [];
  const numbers = numberBlocks(nodes, input.style);
  const notes = new NoteCounter();
  const blocks = nodes.map((node, index) => {
    const block = unchangedBlock(node, numbers[index] ?? null, notes);
    block.pieces = toPieces(compilationRuns(node, delegations, options.annotate), notes);
    return block;
  });
  return { blocks, notes: notes.notes, tracked: true };
}

/** The names printed (and authoring the revisions) for a proposal. */
export function namesOf(proposalId: string, delegations: ProposalDelegations, fallback: string[]) {
  return (delegations.get(proposalId) ?? fallback).map(cleanText).join(', ');
}

function compilationRuns(
  node: NodeJSON,
  delegations: ProposalDelegations,
  annotate: boolean,
): TextRunModel[] {
  const children = node.content ?? [];
  const plain = inlineRuns(node);
  const runs: TextRunModel[] = [];
  children.forEach((child, index) => {
    const run = plain[index]!;
    const proposal = readProposal(child.marks?.find((m) => m.type === 'proposal')?.attrs);
    if (!proposal) {
      runs.push(run);
      return;
    }
    const names = namesOf(proposal.id, delegations, proposal.delegations);
    runs.push({
      ...run,
      bold: run.bold || proposal.kind === 'insert',
      change: proposal.kind === 'insert' ? 'insert' : 'delete',
      delegation: names,
    });
    const next = readProposal(
      children[index + 1]?.marks?.find((m) => m.type === 'proposal')?.attrs,
    );
    if (annotate && next?.id !== proposal.id) {
      runs.push({
        text: ` (${names})`,
        bold: false,
        italic: false,
        bracket: null,
        change: 'equal',
        delegation: null,
      });
    }
  });
  return runs;
}
