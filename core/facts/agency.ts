import { z } from 'zod';
import { factsSchemaRegistry } from './schema-registry.ts';

/** The agencies the kit talks to; a code appears in provenance, outcomes and adapter registrations. */
export const AGENCY_CODES = ['sfr', 'fns', 'fri', 'gis-zhkh', 'zags', 'mvd', 'egisso'] as const;

export type AgencyCode = (typeof AGENCY_CODES)[number];

export const agencyCodeSchema = z.enum(AGENCY_CODES).register(factsSchemaRegistry, {
  id: 'AgencyCode',
  description:
    'sfr pension fund, fns tax service, fri disability registry, gis-zhkh housing utilities, zags civil registry, ' +
    'mvd residence registration, egisso social-benefits register',
});

export function isAgencyCode(value: unknown): value is AgencyCode {
  return typeof value === 'string' && (AGENCY_CODES as readonly string[]).includes(value);
}
