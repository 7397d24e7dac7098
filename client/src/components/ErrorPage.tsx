import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { linkProps } from '../router';
import { useSession } from '../session';
import { ErrorNotice } from './ErrorNotice';

/**
 * An error in place of a whole page (an unknown address, a document of another meeting, a
 * document that could not be read): the sentence, and always a way back, to the meeting the
 * reader came from or home (a delegate's home is their meeting, the secretariat's its list).
 */
export function ErrorPage({
  title,
  message,
  meetingId,
  children,
}: {
  title?: string;
  message: string;
  /** The meeting to go back to, when the page knows it. */
  meetingId?: string;
  /** A way forward besides the way back (e.g. "Try again"). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const back = meetingId
    ? { path: `/meetings/${meetingId}`, label: t('meeting.backToMeeting') }
    : session.role === 'admin'
      ? { path: '/', label: t('dayui.goToMeetings') }
      : { path: '/', label: t('access.goHome') };
  return (
    <ErrorNotice title={title} message={message}>
      <p className="error-page__ways">
        {children}
        <a className="button-link" {...linkProps(back.path)}>
          {back.label}
        </a>
      </p>
    </ErrorNotice>
  );
}
