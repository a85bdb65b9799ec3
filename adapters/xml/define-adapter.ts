import type { AdapterOutcome, AgencyAdapter, AgencyAnswer, FactsQuery, ProvenanceContext } from '../../core/adapter/index.ts';
import { loadXsdValidator, type AgencyContract, type ContractOperation } from '../../core/contracts/index.ts';
import { KitError } from '../../core/errors/index.ts';
import type { FactGroup } from '../../core/facts/index.ts';
import { readAgencyAnswer, type Normalizer } from './read-answer.ts';

export interface AdapterSpec<G extends FactGroup> {
  readonly contract: AgencyContract;
  /** WSDL operation name, e.g. "GetIncome": the request and response roots come from the contract by it. */
  readonly operation: string;
  readonly factGroups: readonly G[];
  /** Query → payload XML in the contract namespace; throws ERR_VALIDATION for a query it cannot express. */
  readonly buildRequest: (query: FactsQuery, operation: ContractOperation) => string;
  readonly normalize: Normalizer<G>;
}

/**
 * An AgencyAdapter from one contract operation. The names (message type, roots, no-data element) are taken from
 * the contract rather than repeated, so an adapter cannot drift from the XSD its simulator honours; the built
 * request is checked against that XSD before it leaves, so a query the contract cannot carry (a name longer
 * than the schema allows, say) fails here with the schema's reason instead of as a SOAP fault later.
 */
export function defineAgencyAdapter<G extends FactGroup>(spec: AdapterSpec<G>): AgencyAdapter<G> {
  const operation = spec.contract.operations.find((candidate) => candidate.name === spec.operation);
  if (!operation) {
    throw new KitError('ERR_CONFIG_INVALID', `Contract ${spec.contract.agency} has no operation ${spec.operation}`);
  }
  const answerSpec = { contract: spec.contract, operation, factGroups: spec.factGroups, normalize: spec.normalize };
  return Object.freeze({
    agency: spec.contract.agency,
    factGroups: Object.freeze([...spec.factGroups]),
    messageType: Object.freeze({ namespaceUri: spec.contract.namespace, localName: operation.requestRoot }),
    buildRequest(query: FactsQuery): string {
      const xml = spec.buildRequest(query, operation);
      const verdict = loadXsdValidator(spec.contract.files.xsdPath).validate(xml);
      if (!verdict.valid) {
        const reasons = verdict.errors.map((issue) => issue.message).join('; ');
        throw new KitError('ERR_VALIDATION', `Cannot build the ${spec.contract.agency} ${operation.requestRoot}: ${reasons}`, {
          agency: spec.contract.agency,
          issues: verdict.errors,
        });
      }
      return xml;
    },
    readAnswer(answer: AgencyAnswer, context: ProvenanceContext): AdapterOutcome<G> {
      return readAgencyAnswer(answerSpec, answer, context);
    },
  });
}
