import type { MetadataShape } from './metadata';
import { IndexedMetadataStore, emptyShape, type Persist } from './metadata-tables';

/**
 * Metadata that lives in memory only (tests, benchmarks). `persist` is a seam for tests of
 * failing writes: when it rejects, the change rejects and nothing changes.
 */
export class MemoryMetadataStore extends IndexedMetadataStore {
  constructor(options: { initial?: MetadataShape; persist?: Persist } = {}) {
    super(options.initial ?? emptyShape(), options.persist ?? (() => Promise.resolve()));
  }
}
