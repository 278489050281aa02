/**
 * Reads of the 单位 page: an organisation's applications (newest first) and the certificates it
 * holds, as live queries, so a filing registered or a certificate issued elsewhere shows at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Application, Certificate } from '../../../../shared/model/records';
import { db } from '../../db';
import { newestFirst } from '../applications/search';

export interface OrganisationFiles {
  readonly applications: readonly Application[];
  readonly certificates: readonly Certificate[];
}

export function useOrganisationFiles(organisationId: string): OrganisationFiles | undefined {
  return useLiveQuery(async () => {
    const [applications, certificates] = await Promise.all([
      db.applications.where('organisationId').equals(organisationId).toArray(),
      db.certificates.where('holderOrganisationId').equals(organisationId).toArray(),
    ]);
    return {
      applications: applications.filter((a) => !a.deleted).sort(newestFirst),
      certificates: certificates.filter((c) => !c.deleted).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn)),
    };
  }, [organisationId]);
}
