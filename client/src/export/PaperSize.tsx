import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@accord/shared/api';
import { DEFAULT_PAPER_SIZE, PAPER_SIZES, type PaperSize } from '@accord/shared/paper';
import { apiRequest } from '../api/client';
import { errorMessage } from '../hooks/useApiData';
import { ErrorNotice } from '../components/ErrorNotice';
import { useSession } from '../session';

/**
 * The paper a meeting's documents print on (US Letter, the OAS default, or A4): the PDF page
 * and the Word section follow it. `PaperSizeField` is the field of the create-meeting form
 * (a plain `<select name="paperSize">` the form reads on submit); `MeetingPaperSize` is the
 * meeting's setting, saved at once with `PATCH /api/meetings/:id` by the secretariat or the chair.
 */

function isPaperSize(value: unknown): value is PaperSize {
  return (PAPER_SIZES as readonly unknown[]).includes(value);
}

/** The paper size a form holds, or undefined when it has none (the server then uses Letter). */
export function paperSizeOf(form: HTMLFormElement): PaperSize | undefined {
  const value = new FormData(form).get('paperSize');
  return isPaperSize(value) ? value : undefined;
}

function PaperSelect({
  value,
  onChange,
  disabled = false,
  name,
}: {
  value?: PaperSize;
  onChange?: (value: PaperSize) => void;
  disabled?: boolean;
  name?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hint = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{t('paperSize.label')}</label>
      <select
        id={id}
        name={name}
        disabled={disabled}
        aria-describedby={hint}
        {...(value !== undefined ? { value } : { defaultValue: DEFAULT_PAPER_SIZE })}
        onChange={(event) => {
          if (isPaperSize(event.target.value)) onChange?.(event.target.value);
        }}
      >
        {PAPER_SIZES.map((size) => (
          <option key={size} value={size}>
            {t(`paperSize.${size}`)}
          </option>
        ))}
      </select>
      <small id={hint} className="muted">
        {t('paperSize.hint')}
      </small>
    </div>
  );
}

/** The paper-size field of the create-meeting form (read with `paperSizeOf`). */
export function PaperSizeField() {
  return <PaperSelect name="paperSize" />;
}

/** The meeting's paper size, changed at once by the secretariat or the chair. */
export function MeetingPaperSize({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const [size, setSize] = useState<PaperSize>(meeting.paperSize ?? DEFAULT_PAPER_SIZE);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (role !== 'admin' && role !== 'chair') return null;

  const change = async (next: PaperSize) => {
    const previous = size;
    setSize(next);
    setState('saving');
    setError(null);
    try {
      const saved = await apiRequest<Meeting>(`/meetings/${encodeURIComponent(meeting.id)}`, {
        method: 'PATCH',
        body: { paperSize: next },
      });
      setSize(saved.paperSize);
      setState('saved');
    } catch (caught) {
      setSize(previous);
      setState('idle');
      setError(errorMessage(caught));
    }
  };

  return (
    <section className="panel" aria-labelledby="meeting-paper-title">
      <h2 id="meeting-paper-title">{t('paperSize.printing')}</h2>
      <PaperSelect value={size} disabled={state === 'saving'} onChange={(v) => void change(v)} />
      <p role="status" className="muted">
        {state === 'saved' ? t('paperSize.saved', { paper: t(`paperSize.${size}`) }) : ''}
      </p>
      {error && <ErrorNotice message={error} />}
    </section>
  );
}
