import { useTranslation } from 'react-i18next';
import type { DraftStyle } from '@accord/shared/content';
import type { MarkedParagraph, MarkedSpan } from './comparisonModel';
import { blockClass, numberLabel } from './historyFormat';

/** The DOM id of the active change number `index`, for stepping and tests. */
export function changeElementId(index: number): string {
  return `history-change-${index}`;
}

function ChangeSpan({ span, current }: { span: MarkedSpan; current: boolean }) {
  const { t } = useTranslation();
  if (span.kind === 'equal') return <>{span.text}</>;
  const delegation = span.delegation ?? t('history.unknownDelegation');
  if (!span.active) {
    // Another delegation's change while filtering: still there, but not highlighted.
    const Tag = span.kind === 'insert' ? 'ins' : 'del';
    return <Tag className={`history-change history-change--muted`}>{span.text}</Tag>;
  }
  const Tag = span.kind === 'insert' ? 'ins' : 'del';
  return (
    <Tag
      id={span.index === null ? undefined : changeElementId(span.index)}
      className={`history-change history-change--${span.kind}${current ? ' history-change--current' : ''}`}
      style={{ color: span.colour }}
      data-delegation={delegation}
      data-colour={span.colour}
      tabIndex={-1}
    >
      {/* Colour and line style alone do not reach a screen reader: say who and what. */}
      <span className="visually-hidden">
        {span.kind === 'insert'
          ? t('history.insertedBy', { delegation })
          : t('history.deletedBy', { delegation })}
      </span>
      {span.text}
    </Tag>
  );
}

/**
 * A comparison as a reader sees the text: paragraphs in the order of the newer version with
 * their numbers, deleted paragraphs struck through where they stood, moved ones labelled, and
 * each inserted or deleted word in its delegation's colour.
 */
export function ComparisonText({
  paragraphs,
  style,
  current,
  onlyChanged,
}: {
  paragraphs: MarkedParagraph[];
  style: DraftStyle;
  current: number | null;
  onlyChanged: boolean;
}) {
  const { t } = useTranslation();
  const shown = onlyChanged ? paragraphs.filter((entry) => entry.relevant) : paragraphs;
  return (
    <div className={`draft draft--${style} history-draft`}>
      {shown.map(({ paragraph, spans }) => {
        const { change, type, number } = paragraph;
        const label = numberLabel(type, change === 'deleted' ? number.from : number.to, style);
        const was = numberLabel(type, number.from, style);
        const renumbered = change !== 'deleted' && was !== null && label !== null && was !== label;
        return (
          <p
            key={paragraph.paragraphId}
            className={`${blockClass(type)} history-para history-para--${change}`}
            data-paragraph-id={paragraph.paragraphId}
            data-change={change}
            data-number={label ?? undefined}
          >
            {change !== 'unchanged' && change !== 'modified' && (
              <span className={`history-badge history-badge--${change}`}>
                {t(`history.paragraph.${change}`)}
              </span>
            )}
            {renumbered && (
              <span className="history-badge history-badge--renumbered">
                {t('history.wasNumber', { number: was })}
              </span>
            )}
            {spans.map((span, index) => (
              <ChangeSpan
                key={index}
                span={span}
                current={span.index !== null && span.index === current}
              />
            ))}
          </p>
        );
      })}
    </div>
  );
}
