import { numberBlocks, readProposal, type NodeJSON } from '@accord/shared';
import { quote } from '@accord/shared/language-conventions';
import { escapeHtml } from './html';
import { exportLabels } from './labels';
import { cleanText } from './model';
import { namesOf, type ProposalDelegations } from './compilation';
import type { ExportInput } from './types';

/**
 * The compilation in tabular form: one row per paragraph, its number, the agreed text (as if
 * every open proposal were rejected) and the proposals by delegation. The rows are built once
 * here; HTML (below), Word (`compilation-table-docx.ts`, a real Word table) and PDF
 * (`compilation-table-pdf.ts`) only lay them out.
 */

/** The table's words, in the document's language. */
export function tableLabels(language: string) {
  const labels = exportLabels(language);
  return {
    heading: labels.compilationOfProposals,
    paragraph: labels.paragraph(null),
    agreed: labels.agreedText,
    proposals: labels.proposalsByDelegation,
    insert: labels.proposalInsert,
    delete: labels.proposalDelete,
  };
}

/** One open proposal in a paragraph's row. */
export interface TableProposal {
  id: string;
  kind: 'insert' | 'delete';
  /** Its delegations, proposer first, joined with ", ". */
  names: string;
  text: string;
}

/** One paragraph of the draft as a row of the table. */
export interface TableRowModel {
  /** The printed number ("3.", "a."), empty for unnumbered blocks. */
  label: string;
  /** The paragraph's text without any open proposal. */
  agreed: string;
  proposals: TableProposal[];
}

/** A proposal as the table prints it: `Canada, Mexico: insert “and support”`. */
export function proposalLine(proposal: TableProposal, language: string): string {
  const labels = tableLabels(language);
  const verb = proposal.kind === 'insert' ? labels.insert : labels.delete;
  return `${proposal.names}: ${verb} ${quote(proposal.text, language)}`;
}

export function compilationRows(
  input: ExportInput,
  delegations: ProposalDelegations,
): TableRowModel[] {
  const nodes = input.content.content ?? [];
  const numbers = numberBlocks(nodes, input.style);
  return nodes.map((node, index) => ({
    label: numbers[index]?.label ?? '',
    ...splitBlock(node, delegations),
  }));
}

export function renderCompilationTable(input: ExportInput, delegations: ProposalDelegations) {
  const labels = exportLabels(input.language);
  const rows = compilationRows(input, delegations).map((row) => {
    const items = row.proposals
      .map(
        (p) =>
          `<li><strong>${escapeHtml(p.names)}</strong>: ${p.kind === 'insert' ? labels.proposalInsert : labels.proposalDelete} ${escapeHtml(quote(p.text, input.language))}</li>`,
      )
      .join('');
    return `<tr><td>${escapeHtml(row.label)}</td><td>${escapeHtml(row.agreed)}</td><td>${items ? `<ul>${items}</ul>` : ''}</td></tr>`;
  });
  const title = escapeHtml(cleanText(input.document.title));
  return `<!doctype html>
<html lang="${escapeHtml(cleanText(input.language))}"><head><meta charset="utf-8"><title>${title}: ${escapeHtml(labels.compilation)}</title>
<style>table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:4pt;vertical-align:top}</style></head>
<body><h1>${title}</h1><p>${escapeHtml(labels.compilationOfProposals)}</p>
<table><thead><tr><th scope="col">${escapeHtml(labels.paragraph(null))}</th><th scope="col">${escapeHtml(labels.agreedText)}</th><th scope="col">${escapeHtml(labels.proposalsByDelegation)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>
`;
}

function splitBlock(node: NodeJSON, delegations: ProposalDelegations) {
  let agreed = '';
  const proposals: TableProposal[] = [];
  for (const child of node.content ?? []) {
    const text = cleanText(child.text ?? '');
    const proposal = readProposal(child.marks?.find((m) => m.type === 'proposal')?.attrs);
    if (!proposal || proposal.kind === 'delete') agreed += text;
    if (!proposal) continue;
    const last = proposals[proposals.length - 1];
    if (last?.id === proposal.id) last.text += text;
    else {
      proposals.push({
        id: proposal.id,
        kind: proposal.kind,
        names: namesOf(proposal.id, delegations, proposal.delegations),
        text,
      });
    }
  }
  return { agreed, proposals };
}
