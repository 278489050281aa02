/**
 * The app's own write path for end-to-end tests, on `window.__desk`, in the e2e build only
 * (`DESK_E2E=1`, see playwright.config.ts; `__E2E__` is false in every other build, so this
 * module is not even bundled there). A spec seeds data exactly as a screen would: through the
 * repositories and feature commands, so every record gets its outbox operation and audit entry.
 */
import { db, repositories } from '../db';
import { createUser } from '../auth/users';
import { addAttachment } from '../features/applications/attachments';
import { createApplication } from '../features/applications/create';
import { createOrganisation } from '../features/organisations/commands';
import { createPerson } from '../features/people/commands';
import { fireTransition } from '../features/workflow/fire';
import { quarantineOperations } from '../sync/quarantine';
import { writeContext } from '../session';
import { saveSigning } from '../documents/settings';
import { recordAttendance, saveExpert, saveSession, saveSheet } from '../features/panels/commands';

const desk = {
  db,
  repositories,
  writeContext,
  createPerson,
  createOrganisation,
  createApplication,
  fireTransition,
  createUser,
  addAttachment,
  quarantineOperations,
  // The office key installed by an administrator (证书 › 签名与单位), as on any desk that signs.
  saveSigning: (privateKeyPkcs8: string) => saveSigning(db, { verifyHost: 'verify.example.org.cn', privateKeyPkcs8 }),
  saveExpert,
  saveSession,
  saveSheet,
  recordAttendance,
};

export type DeskTestApi = typeof desk;

declare global {
  interface Window {
    __desk?: DeskTestApi;
  }
}

export function install(): void {
  window.__desk = desk;
}
