import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '@accord/shared/api';

/** One participant: delegation first (the delegation speaks), then the person and role. */
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
