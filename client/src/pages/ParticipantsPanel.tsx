import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation, Meeting, Participant } from '@accord/shared/api';
import { api } from '../api/endpoints';
import { errorMessage, useApiData } from '../hooks/useApiData';
import { Loading } from '../components/Loading';
import { ErrorNotice } from '../components/ErrorNotice';
import { InvitationCard, type IssuedLink } from '../components/InvitationCard';
import { AddParticipantForm } from './AddParticipantForm';
import { ParticipantRow } from './ParticipantRow';
import { useSession } from '../session';
import { InvitationSheet } from './InvitationSheet';
import { InvitationSheetPicker } from './InvitationSheetPicker';

/**
 * The chair's and secretariat's view of who takes part: add a delegation's participant, hand
 * out (copy, QR) or re-issue their link, revoke it. Links are shown only when issued: the
 * server keeps token hashes, never the tokens.
 */
export function ParticipantsPanel({ meetingId, meeting }: { meetingId: string; meeting: Meeting }) {
  const { t } = useTranslation();
  // The invitation sheet withdraws many links at once: the secretariat's alone.
  const mayPrintSheet = useSession().role === 'admin';
  const [picking, setPicking] = useState(false);
  const [sheet, setSheet] = useState<Invitation[] | null>(null);
  const participants = useApiData(() => api.participants(meetingId), `participants:${meetingId}`);
  const [issued, setIssued] = useState<IssuedLink[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const showLink = (link: IssuedLink) =>
    setIssued((old) => [
      link,
      ...old.filter((other) => other.participantId !== link.participantId),
    ]);

  const reissue = async (participant: Participant) => {
    setError(null);
    try {
      const { link } = await api.reissueLink(meetingId, participant.id);
      showLink({ participantId: participant.id, name: participant.name, link });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const revoke = async (participant: Participant) => {
    setError(null);
    try {
      await api.revokeParticipant(meetingId, participant.id);
      setIssued((old) => old.filter((link) => link.participantId !== participant.id));
      setNotice(t('participants.revoked', { name: participant.name }));
      participants.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <section className="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('participants.title')}</h2>
      <AddParticipantForm
        meetingId={meetingId}
        onAdded={(invitation) => {
          showLink({ participantId: invitation.id, name: invitation.name, link: invitation.link });
          setNotice(null);
          participants.reload();
        }}
      />
      <div aria-live="polite">
        {issued.map((link) => (
          <InvitationCard
            key={link.participantId}
            issued={link}
            onClose={() =>
              setIssued((old) => old.filter((other) => other.participantId !== link.participantId))
            }
          />
        ))}
        {notice && <p className="notice">{notice}</p>}
      </div>
      {error && <ErrorNotice message={error} />}
      {participants.status === 'loading' && <Loading />}
      {participants.status === 'error' && <ErrorNotice message={participants.message} />}
      {mayPrintSheet && participants.status === 'ready' && !picking && (
        <button type="button" onClick={() => setPicking(true)}>
          {t('daychores.printSheet')}
        </button>
      )}
      {picking && participants.status === 'ready' && (
        <InvitationSheetPicker
          meetingId={meetingId}
          participants={participants.data.filter((p) => !p.revokedAt)}
          onIssued={(invitations) => {
            setPicking(false);
            setIssued([]);
            setSheet(invitations);
          }}
          onCancel={() => setPicking(false)}
        />
      )}
      {sheet && (
        <InvitationSheet meeting={meeting} invitations={sheet} onClose={() => setSheet(null)} />
      )}
      {participants.status === 'ready' &&
        (participants.data.length === 0 ? (
          <p className="muted">{t('participants.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('participants.delegation')}</th>
                <th scope="col">{t('participants.name')}</th>
                <th scope="col">{t('participants.role')}</th>
                <th scope="col">{t('participants.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...participants.data.filter((p) => !p.revokedAt),
                ...participants.data.filter((p) => p.revokedAt),
              ].map((participant) => (
                <ParticipantRow
                  key={participant.id}
                  participant={participant}
                  onReissue={() => void reissue(participant)}
                  onRevoke={() => void revoke(participant)}
                />
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
