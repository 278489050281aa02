/** What every route module receives: the database, the limits and the clock. */
import { type FastifyServerOptions } from 'fastify';
import { MAX_BLOB_BYTES, MAX_BODY_BYTES } from '../shared/sync/protocol';
import { type TrustProxy } from './config';
import { type Db } from './db';

export interface Limits {
  /** Largest JSON body (push, import, enrolment). */
  readonly bodyBytes: number;
  readonly blobBytes: number;
  readonly enrolWindowSeconds: number;
  /** Enrolment attempts per client address per window. */
  readonly enrolPerIp: number;
  /** Attempts with one enrolment code (right or wrong) per window. */
  readonly enrolPerCode: number;
  /** Attempts against one office code per window, whatever the address (slows distributed guessing). */
  readonly enrolPerOffice: number;
  readonly verifyWindowSeconds: number;
  readonly verifyPerIp: number;
  /**
   * Verifications per client address per day. Certificate numbers are sequential, so the
   * per-window limit alone would let one address walk a series at a steady pace (60 a minute is
   * 86,400 numbers a day); a person checking certificates, even an employer checking many, stays
   * far below this.
   */
  readonly verifyPerIpPerDay: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: MAX_BODY_BYTES,
  blobBytes: MAX_BLOB_BYTES,
  enrolWindowSeconds: 15 * 60,
  enrolPerIp: 20,
  enrolPerCode: 5,
  enrolPerOffice: 50,
  verifyWindowSeconds: 60,
  verifyPerIp: 60,
  verifyPerIpPerDay: 500,
};

export interface AppOptions {
  readonly db: Db;
  /** fastify/pino logger settings; `false` (the default) in tests. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Whose `X-Forwarded-For` to believe (config.ts `parseTrustProxy`); `false` by default. */
  readonly trustProxy?: TrustProxy;
  readonly limits?: Partial<Limits>;
  /** Wall clock in milliseconds; tests pin it. */
  readonly now?: () => number;
  /** Close the database when the app closes (the process's app does; tests sharing a Db do not). */
  readonly closeDbOnClose?: boolean;
}

export interface AppContext {
  readonly db: Db;
  readonly limits: Limits;
  readonly now: () => number;
}

