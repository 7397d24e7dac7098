import type { Meeting } from '@accord/shared';
import type { PaperSize } from '@accord/shared/paper';
import type { Principal } from '../auth/principal';
import { meetingFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { forbidden } from './errors';
import { presentMeeting } from './meetings';
import { save } from './save';

export interface MeetingSettings {
  paperSize: PaperSize;
}

/** The secretariat and the chair set how the meeting's documents print. */
const SETTERS = new Set(['admin', 'chair']);

/** Changes the meeting's paper size (US Letter or A4); returns the meeting. */
export async function changeMeetingSettings(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  settings: MeetingSettings,
): Promise<Meeting> {
  const meeting = meetingFor(context, principal, meetingId);
  if (!SETTERS.has(principal.role)) {
    throw forbidden(
      `Your role (${principal.role}) may not change the meeting's settings.`,
      'role_not_allowed',
    );
  }
  const record = { ...meeting, paperSize: settings.paperSize };
  await save(context, (change) => change.putMeeting(record));
  audit(context, meeting.id, 'meeting.settings', principal, {
    text: `Paper size: ${settings.paperSize}.`,
    key: 'langaudit.audit.meetingSettings',
    values: { paperSize: settings.paperSize },
  });
  return presentMeeting(record);
}
