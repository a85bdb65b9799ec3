import { messageTypeKey, type AgencyAdapter, type QualifiedName } from '../core/adapter/index.ts';
import type { AgencyCode, FactGroup } from '../core/facts/index.ts';
import { fnsIncomeAdapter } from './fns/index.ts';
import { friDisabilityAdapter } from './fri/index.ts';
import { gisZhkhAccrualsAdapter } from './gis-zhkh/index.ts';
import { mvdRegistrationAdapter } from './mvd/index.ts';
import { sfrAssignedBenefitsAdapter, sfrPaymentsAdapter } from './sfr/index.ts';
import { zagsBirthsAdapter, zagsBirthsByParentAdapter, zagsDeathsAdapter } from './zags/index.ts';

export { fnsIncomeAdapter } from './fns/index.ts';
export { friDisabilityAdapter } from './fri/index.ts';
export { gisZhkhAccrualsAdapter, dwellingOf, type Dwelling, type HousingFactsQuery } from './gis-zhkh/index.ts';
export { mvdRegistrationAdapter } from './mvd/index.ts';
export { sfrAssignedBenefitsAdapter, sfrPaymentsAdapter } from './sfr/index.ts';
export { zagsBirthsAdapter, zagsBirthsByParentAdapter, zagsDeathsAdapter, type BirthSearchRole } from './zags/index.ts';

/**
 * The default adapter of every contract operation, one each: what the gateway routes fact groups to. The
 * by-parent birth search shares its operation (and message type) with zagsBirthsAdapter, so it is exported for
 * callers who want it but kept out of this list, where it would make routing by group or message type ambiguous.
 */
export const ADAPTERS: readonly AgencyAdapter[] = Object.freeze([
  sfrPaymentsAdapter,
  sfrAssignedBenefitsAdapter,
  fnsIncomeAdapter,
  friDisabilityAdapter,
  gisZhkhAccrualsAdapter,
  zagsBirthsAdapter,
  zagsDeathsAdapter,
  mvdRegistrationAdapter,
]);

/** Every alternative adapter too (currently the by-parent birth search), for listings and contract tests. */
export const ALL_ADAPTERS: readonly AgencyAdapter[] = Object.freeze([...ADAPTERS, zagsBirthsByParentAdapter]);

/** The adapters that fill a fact group (one per group today; a list so a second source can be added). */
export function adaptersForGroup(group: FactGroup): readonly AgencyAdapter[] {
  return ADAPTERS.filter((adapter) => adapter.factGroups.includes(group));
}

export function adaptersForAgency(agency: AgencyCode): readonly AgencyAdapter[] {
  return ADAPTERS.filter((adapter) => adapter.agency === agency);
}

const BY_MESSAGE_TYPE = new Map(ADAPTERS.map((adapter) => [messageTypeKey(adapter.messageType), adapter]));

/** The adapter whose request payload has this root (the SMEV message type), e.g. to read a pending answer. */
export function adapterForMessageType(messageType: QualifiedName | string): AgencyAdapter | undefined {
  return BY_MESSAGE_TYPE.get(typeof messageType === 'string' ? messageType : messageTypeKey(messageType));
}
