import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '@accord/shared/api';
import { formatMoment, readerMoment, useShownTimeZone } from '../components/format';

/**
 * One participant: delegation first (the delegation speaks), then the person and role. A
 * revoked participant stays, greyed, with when and by whom, and nothing left to do.
 */
export function ParticipantRow({
  participant,
  onReissue,
  onRevoke,
}: {
  participant: Participant;
  onReissue: () => void;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (participant.revokedAt) return <RevokedRow participant={participant} />;
  return (
    <tr>
      <td>{participant.delegation ?? t('participants.noDelegation')}</td>
      <td>{participant.name}</td>
      <td>{t(`roles.${participant.role}`)}</td>
      <td className="actions">
        <button
          type="button"
          className="button--quiet"
          aria-label={`${t('participants.newLink')}: ${participant.name}`}
          onClick={onReissue}
        >
          {t('participants.newLink')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button--danger" onClick={onRevoke}>
              {t('participants.confirmRevoke')}
            </button>
            <button type="button" className="button--quiet" onClick={() => setConfirming(false)}>
              {t('participants.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button--quiet"
            aria-label={`${t('participants.revoke')}: ${participant.name}`}
            onClick={() => setConfirming(true)}
          >
            {t('participants.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Dated in the meeting's zone, as every time on the page (the reader's own in the tooltip). */
function RevokedRow({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  useShownTimeZone();
  const by = participant.revokedBy;
  const when = formatMoment(participant.revokedAt);
  // The secretariat has no name of its own; a chair is named with their delegation.
  const who = !by
    ? null
    : by.role === 'admin'
      ? t('roles.admin')
      : [by.name, by.delegation].filter(Boolean).join(', ');
  return (
    <tr className="participant--revoked">
      <td>{participant.delegation ?? t('participants.noDelegation')}</td>
      <td>{participant.name}</td>
      <td>{t(`roles.${participant.role}`)}</td>
      <td>
        <time
          dateTime={participant.revokedAt ?? undefined}
          title={readerMoment(participant.revokedAt) ?? undefined}
        >
          {who ? t('daychores.revokedOnBy', { when, who }) : t('daychores.revokedOn', { when })}
        </time>
      </td>
    </tr>
  );
}
