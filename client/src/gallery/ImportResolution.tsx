import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { errorMessage } from '../hooks/useApiData';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldInput } from './FieldInput';
import { IMPORT_ACCEPT, galleryApi, importContentType, type ImportedDocument } from './galleryApi';

/**
 * "Import a resolution": uploads a .txt, .md or .docx file as it is, with the Content-Type the
 * import route expects. A clean import opens the new document at once; one with remarks shows
 * them first, with a button to open the document.
 */
export function ImportResolution({
  meetingId,
  onImported,
}: {
  meetingId: string;
  onImported: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportedDocument | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const fileId = useId();
  const headingId = useId();

  useEffect(() => {
    if (imported) openButton.current?.focus();
  }, [imported]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file) return setError(t('gallery.import.chooseFile'));
    const contentType = importContentType(file);
    if (!contentType) return setError(t('gallery.import.wrongType'));
    setBusy(true);
    try {
      const trimmed = title.trim();
      const document = await galleryApi.importDocument(
        meetingId,
        file,
        contentType,
        trimmed || undefined,
      );
      if (document.warnings.length === 0) onImported(document);
      else setImported(document);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import-resolution" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('gallery.import.title')}</h3>
      <p className="muted">{t('gallery.import.intro')}</p>
      <form className="form-grid" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={fileId}>{t('gallery.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept={IMPORT_ACCEPT}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setImported(null);
              setError(null);
            }}
          />
        </div>
        <FieldInput
          label={t('gallery.import.titleLabel')}
          value={title}
          onChange={setTitle}
          help={t('gallery.import.titleHint')}
        />
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={busy}>
            {busy ? t('gallery.import.importing') : t('gallery.import.submit')}
          </button>
        </div>
        {error && <ErrorNotice message={error} />}
      </form>
      {imported && (
        <div className="notice" role="status">
          <h4>{t('gallery.import.warningsTitle')}</h4>
          <p>{t('gallery.import.warningsIntro')}</p>
          <ul>
            {imported.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
          <button
            ref={openButton}
            type="button"
            className="button--primary"
            onClick={() => onImported(imported)}
          >
            {t('gallery.import.open')}
          </button>
        </div>
      )}
    </section>
  );
}
