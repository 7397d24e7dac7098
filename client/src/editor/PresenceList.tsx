import { useTranslation } from 'react-i18next';
import type { PresentPerson } from '../collab/usePresence';
import { delegationColour, vouchedColour } from '../collab/delegationColour';

interface DelegationGroup {
  delegation: string | null;
  people: PresentPerson[];
}

function group(people: PresentPerson[]): DelegationGroup[] {
  const byDelegation = new Map<string | null, PresentPerson[]>();
  for (const person of people) {
    const key = person.user.delegation ?? null;
    byDelegation.set(key, [...(byDelegation.get(key) ?? []), person]);
  }
  return [...byDelegation.entries()]
    .map(([delegation, members]) => ({
      delegation,
      // A person with two tabs open appears once.
      people: members.filter(
        (person, index) =>
          members.findIndex((other) => other.user.participant === person.user.participant) ===
          index,
      ),
    }))
    .sort((a, b) => (a.delegation ?? '\uffff').localeCompare(b.delegation ?? '\uffff'));
}

/** Who is in the document, grouped by delegation (the delegation speaks, the person second). */
/**
 * The colour the relay gave someone else in the group (it knows the meeting's map); our own
 * state carries the colour we set before the map was read, so alone we use the map directly.
 */
function swatchColour(delegation: string | null, people: PresentPerson[]): string {
  const other = people.find((person) => !person.isSelf);
  if (other) return vouchedColour(other.user.color, delegation, other.user.name);
  return delegationColour(delegation, people[0]?.user.name);
}

export function PresenceList({ people }: { people: PresentPerson[] }) {
  const { t } = useTranslation();
  const groups = group(people);
  const count = groups.reduce((sum, entry) => sum + entry.people.length, 0);
  return (
    // Focusable: when the chair's dashboard squeezes the panels the list scrolls, and a
    // keyboard user must be able to scroll it too.
    <section className="presence" aria-labelledby="presence-title" tabIndex={0}>
      <h2 id="presence-title">
        {t('presence.title')} <span className="muted">({t('presence.count', { count })})</span>
      </h2>
      <ul className="presence__groups">
        {groups.map((entry) => (
          <li key={entry.delegation ?? ''} className="presence__group">
            <span className="presence__delegation">
              <span
                className="swatch"
                aria-hidden="true"
                style={{
                  backgroundColor: swatchColour(entry.delegation, entry.people),
                }}
              />
              {entry.delegation ?? t('presence.noDelegation')}
            </span>
            <ul className="presence__people">
              {entry.people.map((person) => (
                <li key={person.clientId}>
                  {person.user.name}
                  {person.isSelf && <span className="muted"> {t('presence.you')}</span>}
                  <span className="muted"> · {t(`roles.${person.user.role}`)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
