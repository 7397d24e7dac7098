import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusedPassage } from '../collab/refusedText';

/** Reasons with a sentence of their own; any other refusal gets the general one. */
const EXPLAINED = new Set(['locked', 'read_only']);

/**
 * The words the server refused, shown instead of lost: the delegate reads why, copies them
 * (to a chat, a note, a proposal) and, where the document's mode allows, proposes them.
 * `onPropose` is left out where proposals cannot be made; the button then is not shown.
 */
export function RefusedTextNotice({
  reason,
  passages,
  onPropose,
}: {
  reason: string;
  passages: RefusedPassage[];
  onPropose?: (text: string, paragraphId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<number | null>(null);
  if (passages.length === 0) return null;

  const copy = (index: number, text: string) => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(index),
      // No clipboard (an insecure origin, a refused permission): the text is selectable anyway.
      () => setCopied(null),
    );
  };

  return (
    <section className="refused-text" aria-labelledby="refused-text-title">
      <h2 id="refused-text-title" className="refused-text__title">
        {EXPLAINED.has(reason) ? t(`day.refusedTitle.${reason}`) : t('day.refusedTitle.other')}
      </h2>
      <ul className="refused-text__list">
        {passages.map((passage, index) => (
          <li key={`${passage.paragraphId ?? 'new'}-${index}`}>
            <blockquote className="refused-text__quote">{passage.text}</blockquote>
            <div className="refused-text__actions">
              <button type="button" onClick={() => copy(index, passage.text)}>
                {t('day.copy')}
              </button>
              {onPropose && (
                <button type="button" onClick={() => onPropose(passage.text, passage.paragraphId)}>
                  {t('day.proposeIt')}
                </button>
              )}
              {copied === index && (
                <span className="muted" role="status">
                  {t('day.copied')}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
