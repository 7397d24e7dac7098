import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { can, type Role } from '@accord/shared/roles';
import { renameDocument } from '../api/chores';
import { errorMessage } from '../hooks/useApiData';

/**
 * The editor's heading: the document's title, which the drafters rename in place. An archived
 * document says so under its title, since nothing typed into it would be kept.
 */
export function DocumentTitle({
  document,
  role,
  onChanged,
}: {
  document: DocumentInfo;
  role: Role;
  onChanged: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(document.title);
  const [error, setError] = useState<string | null>(null);
  const mayRename = can(role, 'createDocument') && !document.archived;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onChanged(await renameDocument(document.id, title.trim()));
      setEditing(false);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <>
      {editing ? (
        <form className="form-actions" onSubmit={(event) => void save(event)}>
          <input
            aria-label={t('daychores.newTitle')}
            value={title}
            maxLength={300}
            required
            onChange={(event) => setTitle(event.target.value)}
          />
          <button type="submit">{t('daychores.saveTitle')}</button>
          <button type="button" className="button--quiet" onClick={() => setEditing(false)}>
            {t('participants.cancel')}
          </button>
        </form>
      ) : (
        <h1>
          {document.title}{' '}
          {mayRename && (
            <button
              type="button"
              className="link-button"
              aria-label={t('daychores.renameLabel', { title: document.title })}
              onClick={() => {
                setTitle(document.title);
                setEditing(true);
              }}
            >
              {t('daychores.rename')}
            </button>
          )}
        </h1>
      )}
      {error && <p role="alert">{error}</p>}
      {document.archived && (
        <p className="banner banner--info" role="status">
          {t('daychores.archivedBanner')}
        </p>
      )}
    </>
  );
}
