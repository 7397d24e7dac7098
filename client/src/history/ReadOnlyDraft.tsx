import type { ReactNode } from 'react';
import type { DraftStyle, NodeJSON } from '@accord/shared/content';
import { numberBlocks } from '@accord/shared/numbering';
import { blockClass } from './historyFormat';

/** Wraps a text node in its marks: bold, italic, and brackets (not yet agreed text). */
function renderText(node: NodeJSON, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'bracket') {
      const delegations = mark.attrs?.delegations;
      out = (
        <span
          className="bracket"
          data-type="bracket"
          data-delegations={Array.isArray(delegations) ? JSON.stringify(delegations) : '[]'}
        >
          {out}
        </span>
      );
    }
  }
  return <span key={key}>{out}</span>;
}

function renderInline(node: NodeJSON, key: number): ReactNode {
  if (node.type === 'text') return renderText(node, key);
  if (node.type === 'hardBreak') return <br key={key} />;
  // An inline node this client does not know (a newer schema): keep its words.
  return <span key={key}>{(node.content ?? []).map(renderInline)}</span>;
}

/**
 * A version's text, read-only, looking like the live editor: the same block classes and the
 * same numbering (computed by the shared `numberBlocks`, as the editor's decorations are).
 */
export function ReadOnlyDraft({ doc, style }: { doc: NodeJSON; style: DraftStyle }) {
  const blocks = doc.content ?? [];
  const numbers = numberBlocks(blocks, style);
  return (
    <div className={`draft draft--${style} history-draft`}>
      {blocks.map((block, index) => {
        const id = block.attrs?.id;
        const level = block.attrs?.level;
        return (
          <p
            key={typeof id === 'string' && id ? id : `block-${index}`}
            className={blockClass(block.type)}
            data-type={block.type}
            data-number={numbers[index]?.label}
            data-level={level === 2 ? '2' : undefined}
            data-alternative={block.attrs?.alternative === true ? 'true' : undefined}
          >
            {(block.content ?? []).map(renderInline)}
          </p>
        );
      })}
    </div>
  );
}
