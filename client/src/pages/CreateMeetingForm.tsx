import { isTimeZone } from '@accord/shared/time-zone';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@accord/shared/api';
import { api, type NewMeeting } from '../api/endpoints';
import { ApiError } from '../api/client';
import { errorMessage } from '../hooks/useApiData';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../components/TextField';
import { PaperSizeField, paperSizeOf } from '../export/PaperSize';

const FIELDS = ['title', 'sector', 'venue', 'startsOn', 'endsOn'] as const;
type Field = (typeof FIELDS)[number];

/** The secretariat creates a meeting: title (required), sector, venue and dates. */
export function CreateMeetingForm({ onCreated }: { onCreated: (meeting: Meeting) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    title: '',
    sector: '',
    venue: '',
    startsOn: '',
    endsOn: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // The meeting's time zone: the secretariat's own, where it sets the meeting up.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const paperSize = paperSizeOf(event.currentTarget as HTMLFormElement);
    const body: NewMeeting = {
      title: values.title.trim(),
      ...(isTimeZone(zone) ? { timeZone: zone } : {}),
      ...(paperSize ? { paperSize } : {}),
    };
    for (const field of FIELDS) {
      const value = values[field].trim();
      if (field !== 'title' && value) body[field] = value;
    }
    try {
      onCreated(await api.createMeeting(body));
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        ...(caught instanceof ApiError && caught.field ? { field: caught.field } : {}),
      });
      setBusy(false);
    }
  };

  const field = (name: Field, type: 'text' | 'date' = 'text', required = false) => (
    <TextField
      label={t(`home.${name}`)}
      value={values[name]}
      type={type}
      required={required}
      invalid={error?.field === name}
      placeholder={name === 'title' || name === 'sector' ? t(`home.${name}Placeholder`) : undefined}
      onChange={(value) => setValues((old) => ({ ...old, [name]: value }))}
    />
  );

  return (
    <section className="panel" aria-labelledby="create-meeting-title">
      <h2 id="create-meeting-title">{t('home.createTitle')}</h2>
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        {field('title', 'text', true)}
        {field('sector')}
        {field('venue')}
        {field('startsOn', 'date')}
        {field('endsOn', 'date')}
        <PaperSizeField />
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={busy}>
            {busy ? t('home.creating') : t('home.create')}
          </button>
        </div>
      </form>
      {error && <ErrorNotice message={error.message} />}
    </section>
  );
}
