/**
 * @module access-policy
 * Whether a consumer may ask an agency for some fact groups for a purpose. Pure, so the route can refuse a
 * request nothing of which is allowed (403) before any call starts, and the access stage can refuse single calls
 * inside the pipeline with the same verdict.
 */
import type { AgencyCode, FactGroup } from '../../core/facts/index.ts';
import type { Consumer } from '../config/consumers.ts';

export interface Purpose {
  readonly measure?: string | undefined;
  readonly caseNumber?: string | undefined;
}

export type AccessVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export function purposeVerdict(consumer: Consumer, purpose: Purpose): AccessVerdict {
  const { measures, caseNumbers } = consumer.purposes;
  if (purpose.measure !== undefined) {
    return measures.includes('*') || measures.includes(purpose.measure)
      ? { allowed: true }
      : { allowed: false, reason: `consumer "${consumer.id}" may not request data for measure "${purpose.measure}"` };
  }
  if (purpose.caseNumber !== undefined && caseNumbers) return { allowed: true };
  return { allowed: false, reason: `consumer "${consumer.id}" must name a measure it is allowed to request data for` };
}

export function agencyVerdict(consumer: Consumer, agency: AgencyCode, groups: readonly FactGroup[]): AccessVerdict {
  const right = consumer.rights[agency];
  if (right === undefined) return { allowed: false, reason: `consumer "${consumer.id}" has no rights on agency ${agency}` };
  if (right === '*') return { allowed: true };
  const refused = groups.filter((g) => !right.includes(g));
  return refused.length === 0
    ? { allowed: true }
    : { allowed: false, reason: `consumer "${consumer.id}" may not ask ${agency} for ${refused.join(', ')}` };
}

export function callVerdict(consumer: Consumer, purpose: Purpose, agency: AgencyCode, groups: readonly FactGroup[]): AccessVerdict {
  const byPurpose = purposeVerdict(consumer, purpose);
  return byPurpose.allowed ? agencyVerdict(consumer, agency, groups) : byPurpose;
}
