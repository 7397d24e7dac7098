import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { useCan } from '../session';
import { DocumentRow } from './DocumentRow';

/**
 * A meeting's documents: title (opens the editor), status and when the text last changed.
 * Archived documents leave the list until "Show archived" is ticked.
 */
export function DocumentList({ documents }: { documents: DocumentInfo[] }) {
  const { t } = useTranslation();
  // Renamed and archived documents are answered by the server: keep its answers here.
  const [list, setList] = useState(documents);
  const [showArchived, setShowArchived] = useState(false);
  const mayRename = useCan('createDocument');
  const mayArchive = useCan('lock');
  const archivedCount = list.filter((document) => document.archived).length;
  const shown = showArchived ? list : list.filter((document) => !document.archived);
  const replace = (changed: DocumentInfo) =>
    setList((old) => old.map((document) => (document.id === changed.id ? changed : document)));

  return (
    <>
      {archivedCount > 0 && (
        <label className="document-list__archived">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => setShowArchived(event.target.checked)}
          />{' '}
          {t('daychores.showArchived', { count: archivedCount })}
        </label>
      )}
      {shown.length === 0 ? (
        <p className="muted">{t('meeting.noDocuments')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('meeting.documentTitle')}</th>
              <th scope="col">{t('meeting.status')}</th>
              <th scope="col">{t('meeting.lastChange')}</th>
              {(mayRename || mayArchive) && <th scope="col">{t('participants.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((document) => (
              <DocumentRow
                key={document.id}
                document={document}
                mayRename={mayRename}
                mayArchive={mayArchive}
                onChanged={replace}
              />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
