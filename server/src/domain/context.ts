import type { Template } from '@accord/shared/template';
import type { Authenticator } from '../auth/authenticator';
import type { RoomRegistry } from '../collab/rooms';
import type { Logger } from '../logger';
import type { Storage } from '../storage';

/** What the domain needs from the rest of the server, passed in (never module state). */
export interface DomainContext {
  storage: Storage;
  rooms: RoomRegistry;
  authenticator: Authenticator;
  templates: ReadonlyMap<string, Template>;
  logger: Logger;
  dataDir: string;
  /** The base of invitation links. */
  publicUrl: () => string;
  now: () => Date;
  /** How this process is deployed (GET /api/health): embedded, or one node of a cluster. */
  deployment?: { mode: 'embedded' | 'cluster'; node: string };
}
