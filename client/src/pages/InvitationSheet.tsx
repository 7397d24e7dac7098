import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Invitation, Meeting } from '@accord/shared/api';
import { QrCode } from '../components/QrCode';
import { formatDay } from '../components/format';
import './invitationSheet.css';

/**
 * The printable invitation sheet: one card per participant (delegation, name, role, the QR code
 * of their new link and the link in small type, the meeting's name and dates), one card a page.
 * It covers the app and is a sibling of it, so print CSS can leave out everything else.
 */
export function InvitationSheet({
  meeting,
  invitations,
  onClose,
}: {
  meeting: Meeting;
  invitations: Invitation[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const dates =
    meeting.startsOn || meeting.endsOn
      ? t('home.dates', { from: formatDay(meeting.startsOn), to: formatDay(meeting.endsOn) })
      : '';

  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return createPortal(
    <div className="invitation-sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title">
      <div className="invitation-sheet__bar">
        <h1 id="sheet-title" ref={heading} tabIndex={-1}>
          {t('daychores.sheetTitle', { count: invitations.length })}
        </h1>
        <p>{t('daychores.sheetHint')}</p>
        <div className="form-actions">
          <button type="button" className="button--primary" onClick={() => window.print()}>
            {t('daychores.print')}
          </button>
          <button type="button" onClick={onClose}>
            {t('participants.close')}
          </button>
        </div>
      </div>
      <ul className="invitation-sheet__cards">
        {invitations.map((invitation) => (
          <li
            key={invitation.id}
            className="invitation-sheet__card"
            aria-label={t('daychores.cardLabel', {
              name: invitation.name,
              delegation: invitation.delegation ?? t(`roles.${invitation.role}`),
            })}
          >
            <p className="invitation-sheet__meeting">
              {meeting.title}
              {dates && <span> · {dates}</span>}
            </p>
            <h2 className="invitation-sheet__delegation">
              {invitation.delegation ?? t(`roles.${invitation.role}`)}
            </h2>
            <p className="invitation-sheet__person">
              {invitation.name} · {t(`roles.${invitation.role}`)}
            </p>
            <QrCode
              text={invitation.link}
              label={t('participants.qrAlt', { name: invitation.name })}
            />
            <p className="invitation-sheet__scan">{t('daychores.scan')}</p>
            <p className="invitation-sheet__link">{invitation.link}</p>
          </li>
        ))}
      </ul>
    </div>,
    document.body,
  );
}
