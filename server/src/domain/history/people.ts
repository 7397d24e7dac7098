import { ADMIN_AUTHOR, SYSTEM_AUTHOR } from '../../auth/principal';
import type { MetadataReader } from '../../storage';

/** Who made a change, as a comparison names them: delegation first, person second. */
export interface ChangeAuthor {
  participant: string;
  delegation: string;
}

/**
 * Names the author ids of the update log. A participant without a delegation (a secretariat
 * officer, an invited expert) is shown under their name; template text as "Template".
 */
export function authorNamer(
  metadata: Pick<MetadataReader, 'participant'>,
): (author: string | undefined) => ChangeAuthor {
  const cache = new Map<string, ChangeAuthor>();
  return (author) => {
    if (author === undefined) return { participant: 'unknown', delegation: 'Unknown' };
    let named = cache.get(author);
    if (named) return named;
    if (author === ADMIN_AUTHOR) named = { participant: author, delegation: 'Secretariat' };
    else if (author === SYSTEM_AUTHOR) named = { participant: author, delegation: 'Template' };
    else {
      const participant = metadata.participant(author);
      named = {
        participant: author,
        delegation: participant?.delegation ?? participant?.name ?? 'Unknown',
      };
    }
    cache.set(author, named);
    return named;
  };
}
