/**
 * Certificate numbers and the office signing key over the wire (both Bearer device token):
 *
 *   POST /sync/numbers/reserve   NumberReserveRequest → NumberReserveResponse
 *   GET  /sync/office-key        → OfficeKeyResponse
 *
 * Numbers: the server keeps the office's one ledger per series (program prefix + year) and hands
 * each device consecutive, disjoint blocks (shared/documents/numbering.ts); a desk issues from
 * its blocks with no network. A reservation is idempotent on `requestId`: the desk stores the id
 * before sending and sends the same one again after a lost answer, and gets the same block back
 * rather than a second one. `issuedUpTo` is the highest number the desk issued in the series from
 * its own local ledger before it was enrolled: the server's ledger continues above it, so the
 * numbers a single desk printed on its own are never handed out again.
 *
 * Office key: the office's current Ed25519 signing key pair. The private half goes to enrolled
 * devices of that office only (an offline desk must sign the QR codes it prints); the public
 * half is also published at GET /offices/:id/public-key for verifiers.
 */
import { z } from 'zod';
import { DEFAULT_BLOCK_SIZE, MAX_SEQUENCE } from '../documents/numbering';
import { instantSchema, recordIdSchema } from '../model/base';
import { deviceIdSchema } from './protocol';

export const NUMBER_ROUTES = {
  reserve: '/sync/numbers/reserve',
  officeKey: '/sync/office-key',
} as const;

/** Largest block one request may reserve. */
export const MAX_BLOCK_SIZE = 1000;

/** A numbering series as shared/documents/numbering.ts `Series`: a program prefix and a year. */
export const seriesSchema = z.object({
  prefix: z.string().regex(/^[A-Z]{2,6}$/, '证书编号前缀应为2—6个大写字母'),
  year: z.number().int().min(2000, '年份应在2000—2099之间').max(2099, '年份应在2000—2099之间'),
});

export const numberReserveRequestSchema = z.object({
  /** Client-generated UUIDv7, kept by the desk until the answer arrives; a retry reuses it. */
  requestId: recordIdSchema,
  series: seriesSchema,
  size: z.number().int().min(1).max(MAX_BLOCK_SIZE).default(DEFAULT_BLOCK_SIZE),
  /** Highest number this desk issued in the series on its own before enrolment (0: none). */
  issuedUpTo: z.number().int().min(0).max(MAX_SEQUENCE).optional(),
});
export type NumberReserveRequest = z.input<typeof numberReserveRequestSchema>;

export const numberBlockSchema = z.object({
  /** seriesKey(): 'XJPM-2026'. */
  series: z.string().regex(/^[A-Z]{2,6}-\d{4}$/),
  deviceId: deviceIdSchema,
  start: z.number().int().min(1).max(MAX_SEQUENCE),
  end: z.number().int().min(1).max(MAX_SEQUENCE),
});

export const numberReserveResponseSchema = z.object({
  block: numberBlockSchema,
  /** The request id this block answers (a retry gets the same block). */
  requestId: recordIdSchema,
  reservedAt: instantSchema,
});
export type NumberReserveResponse = z.infer<typeof numberReserveResponseSchema>;

export const officeKeyResponseSchema = z.object({
  officeId: z.string().min(1).max(64),
  keyId: z.string().min(1).max(64),
  algorithm: z.literal('Ed25519'),
  /** PKCS#8 DER, base64: what the documents worker imports to sign QR codes. */
  privateKeyPkcs8: z.base64().max(200),
  /** SubjectPublicKeyInfo DER, base64: the same key GET /offices/:id/public-key publishes. */
  publicKeySpki: z.base64().max(200),
});
export type OfficeKeyResponse = z.infer<typeof officeKeyResponseSchema>;
