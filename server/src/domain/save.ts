import { MetadataWriteError, type MetadataChange } from '../storage';
import type { DomainContext } from './context';
import { AccordError } from './errors';

/**
 * Applies a metadata change for a request. A change the disk refused took no effect (the
 * store guarantees it), so the answer says so plainly: 503, try again, nothing was changed.
 */
export async function save<T>(
  context: DomainContext,
  apply: (change: MetadataChange) => T,
): Promise<T> {
  try {
    return await context.storage.metadata.change(apply);
  } catch (error) {
    if (!(error instanceof MetadataWriteError)) throw error;
    context.logger.error('metadata change not written', { error: error.message });
    throw new AccordError(
      'unavailable',
      'storage_unavailable',
      'The server could not save this change, so nothing was changed. Please try again in a moment.',
    );
  }
}
