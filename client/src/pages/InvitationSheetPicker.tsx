import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation, Participant } from '@accord/shared/api';
import { issueInvitations } from '../api/chores';
import { errorMessage } from '../hooks/useApiData';
import { ErrorNotice } from '../components/ErrorNotice';

/**
 * Chooses who gets a card on the invitation sheet: every participant who speaks for a
 * delegation by default, observers when ticked. Links are kept only as hashes, so the sheet
 * issues new ones: the form says so before anyone's link is withdrawn.
 */
export function InvitationSheetPicker({
  meetingId,
  participants,
  onIssued,
  onCancel,
}: {
  meetingId: string;
  /** The participants whose links work. */
  participants: Participant[];
  onIssued: (invitations: Invitation[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(participants.filter((p) => p.role !== 'observer').map((p) => p.id)),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (id: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // In the list's order, so the printed cards follow the delegations as listed.
      const ids = participants.filter((p) => chosen.has(p.id)).map((p) => p.id);
      onIssued(await issueInvitations(meetingId, ids));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="invitation" onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>{t('daychores.chooseTitle')}</legend>
        {participants.map((participant) => (
          <label key={participant.id} className="invitation-sheet__choice">
            <input
              type="checkbox"
              checked={chosen.has(participant.id)}
              onChange={(event) => toggle(participant.id, event.target.checked)}
            />{' '}
            {participant.delegation ? `${participant.delegation}: ` : ''}
            {participant.name} ({t(`roles.${participant.role}`)})
          </label>
        ))}
      </fieldset>
      <p className="notice" role="note">
        {t('daychores.sheetWarning', { count: chosen.size })}
      </p>
      {error && <ErrorNotice message={error} />}
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={busy || chosen.size === 0}>
          {t('daychores.issueSheet', { count: chosen.size })}
        </button>
        <button type="button" className="button--quiet" onClick={onCancel}>
          {t('participants.cancel')}
        </button>
      </div>
    </form>
  );
}
