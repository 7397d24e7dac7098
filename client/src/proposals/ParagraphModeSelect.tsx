import { useTranslation } from 'react-i18next';
import { DRAFTING_MODES, isDraftingMode, type DraftingMode } from '@accord/shared/proposals';
import { errorMessage } from '../hooks/useApiData';
import { proposalsApi } from './proposalsApi';

/**
 * The chair's choice of drafting mode for the paragraph holding the cursor: one of the modes,
 * or "as the document". The editor's badge follows from the side table the server writes.
 */
export function ParagraphModeSelect({
  documentId,
  paragraphId,
  mode,
  onError,
}: {
  documentId: string;
  paragraphId: string;
  /** The paragraph's own mode, or null when it follows the document. */
  mode: DraftingMode | null;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="proposals-panel__paragraph-mode">
      {t('proposals.paragraphMode')}
      <select
        value={mode ?? ''}
        onChange={(event) => {
          const next = isDraftingMode(event.target.value) ? event.target.value : null;
          proposalsApi
            .setParagraphMode(documentId, paragraphId, next)
            .catch((failure: unknown) => onError(errorMessage(failure)));
        }}
      >
        <option value="">{t('proposals.followDocument')}</option>
        {DRAFTING_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`proposals.modes.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
