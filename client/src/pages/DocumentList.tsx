import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { linkProps } from '../router';
import { MeetingTime } from '../components/MeetingTime';

/** A meeting's documents: title (opens the editor), status and when the text last changed. */
export function DocumentList({ documents }: { documents: DocumentInfo[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p className="muted">{t('meeting.noDocuments')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('meeting.documentTitle')}</th>
          <th scope="col">{t('meeting.status')}</th>
          <th scope="col">{t('meeting.lastChange')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <tr key={document.id}>
            <td>
              <a {...linkProps(`/documents/${document.id}`)}>{document.title}</a>
            </td>
            <td>
              <span className={`badge badge--${document.status}`}>
                {document.status === 'locked'
                  ? t('meeting.statusLocked')
                  : t('meeting.statusDrafting')}
              </span>
            </td>
            <td>
              <MeetingTime at={document.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
