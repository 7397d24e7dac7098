import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { linkProps } from '../router';
import { MeetingTime } from '../components/MeetingTime';
import { renameDocument, setArchived } from '../api/chores';
import { errorMessage } from '../hooks/useApiData';

/**
 * One document of the meeting: its title (opens the editor), status and last change; the
 * drafters rename it in place, the chair and the secretariat archive it or bring it back.
 */
export function DocumentRow({
  document,
  mayRename,
  mayArchive,
  onChanged,
}: {
  document: DocumentInfo;
  mayRename: boolean;
  mayArchive: boolean;
  onChanged: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(document.title);
  const [error, setError] = useState<string | null>(null);
  const archived = document.archived === true;

  const run = async (action: () => Promise<DocumentInfo>) => {
    setError(null);
    try {
      onChanged(await action());
      setRenaming(false);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    void run(() => renameDocument(document.id, title.trim()));
  };

  return (
    <tr className={archived ? 'document--archived' : undefined}>
      <td>
        {renaming ? (
          <form className="form-actions" onSubmit={rename}>
            <input
              aria-label={t('daychores.newTitle')}
              value={title}
              maxLength={300}
              required
              onChange={(event) => setTitle(event.target.value)}
            />
            <button type="submit">{t('daychores.saveTitle')}</button>
            <button type="button" className="button--quiet" onClick={() => setRenaming(false)}>
              {t('participants.cancel')}
            </button>
          </form>
        ) : (
          <a {...linkProps(`/documents/${document.id}`)}>{document.title}</a>
        )}
        {error && <p role="alert">{error}</p>}
      </td>
      <td>
        {archived ? (
          <span className="badge">{t('daychores.archivedBadge')}</span>
        ) : (
          <span className={`badge badge--${document.status}`}>
            {document.status === 'locked' ? t('meeting.statusLocked') : t('meeting.statusDrafting')}
          </span>
        )}
      </td>
      <td>
        <MeetingTime at={document.updatedAt} />
      </td>
      {(mayRename || mayArchive) && (
        <td className="actions">
          {mayRename && !renaming && !archived && (
            <button
              type="button"
              className="button--quiet"
              aria-label={t('daychores.renameLabel', { title: document.title })}
              onClick={() => {
                setTitle(document.title);
                setRenaming(true);
              }}
            >
              {t('daychores.rename')}
            </button>
          )}
          {mayArchive && (
            <button
              type="button"
              className="button--quiet"
              aria-label={t(archived ? 'daychores.unarchiveLabel' : 'daychores.archiveLabel', {
                title: document.title,
              })}
              onClick={() => void run(() => setArchived(document.id, !archived))}
            >
              {archived ? t('daychores.unarchive') : t('daychores.archive')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
