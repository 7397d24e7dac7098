import { numberBlocks, readProposal, type NodeJSON } from '@accord/shared';
import { quote } from '@accord/shared/language-conventions';
import { escapeHtml } from './html';
import { exportLabels } from './labels';
import { cleanText } from './model';
import { namesOf, type ProposalDelegations } from './compilation';
import type { ExportInput } from './types';

/**
 * The compilation in tabular form: one row per paragraph, its number, the agreed text (as if
 * every open proposal were rejected) and the proposals by delegation. An HTML page, so it opens
 * in any browser and pastes into Word as a table.
 */
export function renderCompilationTable(input: ExportInput, delegations: ProposalDelegations) {
  const nodes = input.content.content ?? [];
  const numbers = numberBlocks(nodes, input.style);
  const labels = exportLabels(input.language);
  const rows = nodes.map((node, index) => {
    const { agreed, proposals } = splitBlock(node, delegations);
    const items = proposals
      .map(
        (p) =>
          `<li><strong>${escapeHtml(p.names)}</strong>: ${p.kind === 'insert' ? labels.proposalInsert : labels.proposalDelete} ${escapeHtml(quote(p.text, input.language))}</li>`,
      )
      .join('');
    return `<tr><td>${escapeHtml(numbers[index]?.label ?? '')}</td><td>${escapeHtml(agreed)}</td><td>${items ? `<ul>${items}</ul>` : ''}</td></tr>`;
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

interface BlockProposal {
  id: string;
  kind: 'insert' | 'delete';
  names: string;
  text: string;
}

function splitBlock(node: NodeJSON, delegations: ProposalDelegations) {
  let agreed = '';
  const proposals: BlockProposal[] = [];
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
