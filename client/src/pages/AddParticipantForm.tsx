import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '@accord/shared/api';
import { DELEGATION_GROUPS, OAS_MEMBER_STATES } from '@accord/shared/delegations';
import { PARTICIPANT_ROLES, type ParticipantRole } from '@accord/shared/roles';
import { api } from '../api/endpoints';
import { ApiError } from '../api/client';
import { errorMessage } from '../hooks/useApiData';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../components/TextField';

/**
 * Adds a participant. The delegation field suggests the 35 member states and common groups but
 * accepts any name, since groups ("CARICOM") and special delegations also speak.
 */
export function AddParticipantForm({
  meetingId,
  onAdded,
}: {
  meetingId: string;
  onAdded: (invitation: Invitation) => void;
}) {
  const { t } = useTranslation();
  const [delegation, setDelegation] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ParticipantRole>('delegate');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const listId = useId();
  const roleId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trimmed = delegation.trim();
      const invitation = await api.addParticipant(meetingId, {
        name: name.trim(),
        role,
        ...(trimmed ? { delegation: trimmed } : {}),
      });
      setName('');
      onAdded(invitation);
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        ...(caught instanceof ApiError && caught.field ? { field: caught.field } : {}),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form-grid"
      aria-label={t('participants.addTitle')}
      onSubmit={(event) => void submit(event)}
    >
      <h3 className="form-grid__title">{t('participants.addTitle')}</h3>
      <TextField
        label={t('participants.delegation')}
        value={delegation}
        onChange={setDelegation}
        list={listId}
        hint={t('participants.delegationHint')}
        invalid={error?.field === 'delegation'}
      />
      <datalist id={listId}>
        {[...OAS_MEMBER_STATES, ...DELEGATION_GROUPS].map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
      <TextField
        label={t('participants.name')}
        value={name}
        onChange={setName}
        required
        invalid={error?.field === 'name'}
      />
      <div className="field">
        <label htmlFor={roleId}>{t('participants.role')}</label>
        <select
          id={roleId}
          value={role}
          onChange={(event) => setRole(event.target.value as ParticipantRole)}
        >
          {PARTICIPANT_ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={busy}>
          {busy ? t('participants.adding') : t('participants.add')}
        </button>
      </div>
      {error && <ErrorNotice message={error.message} />}
    </form>
  );
}
