import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { api } from '../api/endpoints';
import { errorMessage, useApiData } from '../hooks/useApiData';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../components/TextField';

/**
 * Creates a document from a template of `GET /api/templates`. A plain picker: the template
 * gallery (previews, fields) is a later issue and replaces this form.
 */
export function CreateDocumentForm({
  meetingId,
  onCreated,
}: {
  meetingId: string;
  onCreated: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const templates = useApiData(() => api.templates(), 'templates');
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();

  if (templates.status === 'error') return <ErrorNotice message={templates.message} />;
  const list = templates.status === 'ready' ? templates.data : [];
  const chosen = list.find((template) => template.id === templateId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!templateId) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = title.trim();
      onCreated(
        await api.createDocument(meetingId, { templateId, ...(trimmed ? { title: trimmed } : {}) }),
      );
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <form
      className="form-grid"
      aria-label={t('meeting.createDocumentTitle')}
      onSubmit={(event) => void submit(event)}
    >
      <h3 className="form-grid__title">{t('meeting.createDocumentTitle')}</h3>
      <div className="field">
        <label htmlFor={selectId}>{t('meeting.template')}</label>
        <select
          id={selectId}
          value={templateId}
          required
          onChange={(event) => setTemplateId(event.target.value)}
        >
          <option value="">{t('meeting.chooseTemplate')}</option>
          {list.map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </select>
        {chosen && <small className="muted">{chosen.summary}</small>}
        {templates.status === 'ready' && list.length === 0 && (
          <small className="muted">{t('meeting.noTemplates')}</small>
        )}
      </div>
      <TextField label={t('meeting.documentTitleOptional')} value={title} onChange={setTitle} />
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={busy || !templateId}>
          {t('meeting.createDocument')}
        </button>
      </div>
      {error && <ErrorNotice message={error} />}
    </form>
  );
}
