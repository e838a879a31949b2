import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { DatabaseHandle, DialectName } from './db/database';
import type { Database } from './db/schema';

/** What every service needs: the database and the settings of this node. Built once at start. */
export interface AppContext {
  db: Kysely<Database>;
  dialect: DialectName;
  /** A connection for one long read, such as an export (see `DatabaseHandle.openReader`); close it when done. */
  openReader: DatabaseHandle['openReader'];
  config: Config;
  /** Key for the HMAC that stores complaint PINs; from LINTAS_SECRET or generated once and kept in `settings`. */
  pinKey: Buffer;
  /** Called after a transaction wrote messages for partner nodes; the running server's delivery loop listens. */
  outboxWritten: () => void;
}
