import { fileURLToPath } from 'node:url';
import type { AgencyCode, AgencyContract, ContractOperation, ProcessingCode } from './types.ts';

export interface ContractSpec {
  readonly agency: AgencyCode;
  readonly name: string;
  readonly nameRu: string;
  readonly version: string;
  /** Kind segment of the namespace, e.g. "income" in urn://agency-kit/fns/income/1.0.0. */
  readonly kind: string;
  /** Prefix of the WSDL service and port names, e.g. "FnsIncome". */
  readonly serviceStem: string;
  readonly operations: readonly Omit<ContractOperation, 'soapAction'>[];
  readonly processingCodes?: readonly ProcessingCode[];
  /** The contract module's import.meta.url: files are found beside it whatever the working directory. */
  readonly moduleUrl: string;
}

/**
 * Derives the names that follow a fixed convention (namespace, soapAction, file names) from the few that do
 * not, so the six contracts cannot drift from the convention the WSDL files were written to.
 */
export function defineContract(spec: ContractSpec): AgencyContract {
  const namespace = `urn://agency-kit/${spec.agency}/${spec.kind}/${spec.version}`;
  const xsdFileName = `${spec.agency}.xsd`;
  const contract: AgencyContract = {
    agency: spec.agency,
    name: spec.name,
    nameRu: spec.nameRu,
    version: spec.version,
    namespace,
    wsdlNamespace: `${namespace}/wsdl`,
    serviceName: `${spec.serviceStem}Service`,
    portName: `${spec.serviceStem}Port`,
    operations: Object.freeze(
      spec.operations.map((operation) => Object.freeze({ ...operation, soapAction: `${namespace}/${operation.name}` })),
    ),
    processingCodes: Object.freeze([...(spec.processingCodes ?? [])]),
    files: Object.freeze({
      xsdPath: fileURLToPath(new URL(`./${xsdFileName}`, spec.moduleUrl)),
      wsdlPath: fileURLToPath(new URL(`./${spec.agency}.wsdl`, spec.moduleUrl)),
      xsdFileName,
    }),
  };
  return Object.freeze(contract);
}
