import { formatLongDate } from './language-conventions';

/** What a template's fields may default from: the meeting record. */
export interface MeetingFacts {
  title: string;
  sector: string | null;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** A day range as the template's language prints it: "4 – 6 de diciembre de 2026" stays whole. */
function meetingDates(meeting: MeetingFacts, language: string): string | null {
  const { startsOn, endsOn } = meeting;
  if (startsOn && endsOn && startsOn !== endsOn) {
    return `${formatLongDate(startsOn, language)} – ${formatLongDate(endsOn, language)}`;
  }
  const day = startsOn ?? endsOn;
  return day ? formatLongDate(day, language) : null;
}

/**
 * The values a template's fields take from the meeting, by the field's name: `meetingName`
 * (the meeting's title), `sector`, `venue`, `dates` (in the template's language), `year`,
 * `startsOn` and `endsOn`. Only fields the template has and facts the meeting knows are given:
 * anything else keeps the template's own default. Given values always win over these.
 */
export function meetingFieldDefaults(
  fieldNames: readonly string[],
  meeting: MeetingFacts,
  language: string,
): Record<string, string> {
  const facts: Record<string, string | null> = {
    meetingName: meeting.title.trim() || null,
    sector: meeting.sector,
    venue: meeting.venue,
    dates: meetingDates(meeting, language),
    year: (meeting.startsOn ?? meeting.endsOn)?.slice(0, 4) ?? null,
    startsOn: meeting.startsOn,
    endsOn: meeting.endsOn,
  };
  const values: Record<string, string> = {};
  for (const name of fieldNames) {
    const fact = facts[name];
    if (fact) values[name] = fact;
  }
  return values;
}
