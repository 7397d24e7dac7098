import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDetail } from '@accord/shared/api';
import type { MarkJSON, NodeJSON } from '@accord/shared/content';
import { numberBlocks } from '@accord/shared/numbering';
import { fillPieces, type GalleryField } from './templateFields';

/** The class each block of the draft schema takes in the preview (as in the editor's sheet). */
const BLOCK_CLASS: Record<string, string> = {
  title: 'draft-title',
  organ: 'draft-organ',
  leadHeading: 'draft-lead-heading',
  paragraph: 'draft-note',
  preambular: 'draft-preambular',
  operative: 'draft-operative',
  subparagraph: 'draft-subparagraph',
};

function withMarks(content: ReactNode, marks: readonly MarkJSON[] | undefined): ReactNode {
  let out = content;
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'bracket') out = <span className="bracket">{out}</span>;
  }
  return out;
}

/**
 * A template's text as the new document will read, without the editor: numbered as the
 * template's style numbers it, the form's values filled in and highlighted, and each
 * paragraph's drafting guidance beside it. Read-only, and light enough for the meeting page.
 */
export function TemplatePreview({
  template,
  fields,
  values,
}: {
  template: TemplateDetail;
  fields: readonly GalleryField[];
  values: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const blocks = template.content.content ?? [];
  const numbers = numberBlocks(blocks, template.style);
  const labelOf = (name: string) =>
    t('gallery.emptyValue', { label: fields.find((f) => f.name === name)?.label ?? name });

  const inline = (node: NodeJSON, key: number): ReactNode => {
    if (node.text === undefined) return null;
    const pieces = fillPieces(node.text, values, labelOf).map((piece, index) =>
      piece.kind === 'text' ? (
        piece.text
      ) : (
        <mark
          key={index}
          className={piece.empty ? 'preview-value preview-value--empty' : 'preview-value'}
        >
          {piece.text}
        </mark>
      ),
    );
    return <span key={key}>{withMarks(pieces, node.marks)}</span>;
  };

  return (
    <div
      className={`template-preview template-preview--${template.style}`}
      role="region"
      aria-label={t('gallery.previewTitle', { title: template.title })}
      // Scrollable: reachable by keyboard so its end can be read without a mouse.
      tabIndex={0}
    >
      {blocks.map((block, index) => {
        const id = block.attrs?.id;
        const hint = typeof id === 'string' ? template.guidance[id] : undefined;
        const number = numbers[index];
        const level = block.attrs?.level === 2 ? '2' : '1';
        return (
          <div className="template-preview__row" key={typeof id === 'string' ? id : index}>
            <p
              className={BLOCK_CLASS[block.type] ?? 'draft-note'}
              data-number={number?.label}
              data-level={block.type === 'subparagraph' ? level : undefined}
              data-alternative={block.attrs?.alternative === true ? 'true' : undefined}
            >
              {(block.content ?? []).map(inline)}
            </p>
            {hint && (
              <aside className="guidance-hint">
                <span className="guidance-hint__label">{t('gallery.guidance')}</span> {hint}
              </aside>
            )}
          </div>
        );
      })}
    </div>
  );
}
