import { KitError } from '../errors/index.ts';
import { fnsContract } from './fns/contract.ts';
import { friContract } from './fri/contract.ts';
import { gisZhkhContract } from './gis-zhkh/contract.ts';
import { mvdContract } from './mvd/contract.ts';
import { sfrContract } from './sfr/contract.ts';
import type { AgencyCode, AgencyContract, ContractOperation, QualifiedName } from './types.ts';
import { AGENCY_CODES } from './types.ts';
import { zagsContract } from './zags/contract.ts';

export * from './types.ts';
export { fnsContract, friContract, gisZhkhContract, mvdContract, sfrContract, zagsContract };
export { loadXsdValidator, validateAgainstXsd, clearXsdValidatorCache } from './validate-xsd.ts';
export type { XsdValidator, XsdValidationResult, XsdValidationIssue } from './validate-xsd.ts';
export { renderWsdl, xsdUrlFor } from './publish.ts';

/** All six contracts, in AGENCY_CODES order. */
export const CONTRACTS: readonly AgencyContract[] = Object.freeze([
  sfrContract,
  fnsContract,
  friContract,
  gisZhkhContract,
  zagsContract,
  mvdContract,
]);

const BY_AGENCY = new Map<AgencyCode, AgencyContract>(CONTRACTS.map((contract) => [contract.agency, contract]));

/** A payload root resolved to the contract and operation it belongs to, and which side of it. */
export interface RootMatch {
  readonly contract: AgencyContract;
  readonly operation: ContractOperation;
  readonly direction: 'request' | 'response';
}

// Keyed by "{namespace}localName" (Clark notation): payloads are identified by URI, never by prefix.
const clark = (name: QualifiedName): string => `{${name.namespace}}${name.localName}`;
const BY_ROOT = new Map<string, RootMatch>();
for (const contract of CONTRACTS) {
  for (const operation of contract.operations) {
    BY_ROOT.set(clark({ namespace: contract.namespace, localName: operation.requestRoot }), {
      contract,
      operation,
      direction: 'request',
    });
    BY_ROOT.set(clark({ namespace: contract.namespace, localName: operation.responseRoot }), {
      contract,
      operation,
      direction: 'response',
    });
  }
}

export function isAgencyCode(value: string): value is AgencyCode {
  return (AGENCY_CODES as readonly string[]).includes(value);
}

export function listContracts(): readonly AgencyContract[] {
  return CONTRACTS;
}

/** The contract of one agency; an unknown code is a configuration mistake, so it throws. */
export function getContract(agency: string): AgencyContract {
  const contract = isAgencyCode(agency) ? BY_AGENCY.get(agency) : undefined;
  if (!contract) {
    throw new KitError('ERR_CONFIG_INVALID', `Unknown agency "${agency}"; known: ${AGENCY_CODES.join(', ')}`, {
      agency,
    });
  }
  return contract;
}

/**
 * Which contract and operation a request payload root belongs to: what a simulator needs to route an incoming
 * MessagePrimaryContent child. Undefined when the root is not a request of any contract.
 */
export function findByRequestRoot(root: QualifiedName): RootMatch | undefined {
  const match = BY_ROOT.get(clark(root));
  return match?.direction === 'request' ? match : undefined;
}

/** As findByRequestRoot, for either a request or a response root (e.g. for logging or for the gateway). */
export function findByRoot(root: QualifiedName): RootMatch | undefined {
  return BY_ROOT.get(clark(root));
}

/** The operation a SOAPAction header names (quotes, as sent on the wire, are accepted). */
export function findBySoapAction(soapAction: string): RootMatch | undefined {
  const action = soapAction.trim().replace(/^"(.*)"$/, '$1');
  for (const contract of CONTRACTS) {
    const operation = contract.operations.find((candidate) => candidate.soapAction === action);
    if (operation) return { contract, operation, direction: 'request' };
  }
  return undefined;
}
