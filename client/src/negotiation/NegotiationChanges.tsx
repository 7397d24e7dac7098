import { useTranslation } from 'react-i18next';
import type { NegotiationChange, NegotiationHistory } from '@accord/shared/negotiation-history';
import type { VersionInfo } from '@accord/shared/api';
import { apiRequest } from '../api/client';
import { formatMoment } from '../components/format';
import { useApiData } from '../hooks/useApiData';
import './negotiation.css';

/** Every bracket and status change since the document began (`GET …/negotiation`). */
export function loadNegotiation(documentId: string): Promise<NegotiationHistory> {
  return apiRequest<NegotiationHistory>(`/documents/${encodeURIComponent(documentId)}/negotiation`);
}

/**
 * The negotiation history for the version timeline, loaded once per list of versions: an
 * empty list while loading or when it cannot be read (the timeline still works without it).
 */
export function useNegotiationHistory(documentId: string, versionCount: number) {
  const answer = useApiData(() => loadNegotiation(documentId), `${documentId}:${versionCount}`);
  return answer.status === 'ready' ? answer.data.changes : [];
}

/**
 * The changes made after `previous` was saved and up to `version` (oldest first), or, with no
 * `version`, those after the newest version.
 */
export function changesBetween(
  changes: readonly NegotiationChange[],
  previous: VersionInfo | undefined,
  version: VersionInfo | undefined,
): NegotiationChange[] {
  const after = previous ? Date.parse(previous.createdAt) : -Infinity;
  const upTo = version ? Date.parse(version.createdAt) : Infinity;
  return changes.filter((change) => {
    const at = Date.parse(change.at);
    return at > after && at <= upTo;
  });
}

/** One change in a sentence of the reader's language, naming the delegation that made it. */
function useDescribe(numbers: ReadonlyMap<string, string | null> | undefined) {
  const { t } = useTranslation();
  return (change: NegotiationChange): string => {
    const who = change.delegation;
    const delegations = (change.delegations ?? []).join(', ');
    if (change.kind === 'statusChanged') {
      const number = numbers?.get(change.paragraphId);
      return t('negotiate.history.statusChanged', {
        who,
        paragraph: number
          ? t('negotiate.history.paragraphNumbered', { number })
          : t('negotiate.history.aParagraph'),
        from: t(`status.${change.from ?? 'pending'}`),
        to: t(`status.${change.to ?? 'pending'}`),
      });
    }
    return t(`negotiate.history.${change.kind}`, { who, text: change.text ?? '', delegations });
  };
}

/**
 * Brackets placed, joined, left or removed and status changes, each with its delegation and
 * time: under a version in the timeline, and below a comparison.
 */
export function NegotiationChanges({
  changes,
  numbers,
  heading,
}: {
  changes: readonly NegotiationChange[];
  /** Paragraph id → its number, where the caller knows it (a comparison does). */
  numbers?: ReadonlyMap<string, string | null>;
  /** Shown above the list (a comparison's section title); none in the timeline. */
  heading?: string;
}) {
  const { t } = useTranslation();
  const describe = useDescribe(numbers);
  if (changes.length === 0) return null;
  const list = (
    <ul
      className="negotiation-changes__list"
      aria-label={heading ? undefined : t('negotiate.history.title')}
    >
      {changes.map((change, index) => (
        <li
          key={`${change.seq}:${change.kind}:${change.bracketId ?? change.paragraphId}:${index}`}
          data-kind={change.kind}
          data-delegation={change.delegation}
        >
          {describe(change)}
          {' · '}
          <time dateTime={change.at}>{formatMoment(change.at)}</time>
        </li>
      ))}
    </ul>
  );
  if (!heading) return <div className="negotiation-changes">{list}</div>;
  return (
    <section className="negotiation-changes" aria-labelledby="negotiation-changes-title">
      <h3 id="negotiation-changes-title">{heading}</h3>
      {list}
    </section>
  );
}
