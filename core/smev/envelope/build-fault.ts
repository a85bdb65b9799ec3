/**
 * SOAP 1.1 fault envelopes in the shape the real exchange sends (reference §1.8, §1.11): detail holds one
 * faults-namespace element typed xsi:type="SmevFault" with basic-namespace Code and Description.
 */
import { KitError } from '../../errors/index.ts';
import { XSI_NS, smevNamespaces, type SmevVersion } from './namespaces.ts';
import { FAULT_DETAIL_ELEMENTS, SMEV_FAULTS, isSignatureFaultCode, type SmevFaultDetails, type SmevFaultName } from './faults.ts';
import { PREFIX, element, escapeText, leaf, soapEnvelope, type Child } from './xml-writer.ts';
import { validationErrors } from './build-structures.ts';

/** What simulators put into Code when the caller gives none: env:area:node : TR:SYNC:stage:n. */
export const DEFAULT_FAULT_CODE = 'agency-kit:SIMULATOR:NODE1 : TR:SYNC:SIM:1';

export interface SmevFaultInput {
  readonly version: SmevVersion;
  readonly fault: SmevFaultName;
  /** Human text; prefixed with the fault's typical SMEV-nnn code unless it already starts with "SMEV-". */
  readonly description: string;
  /** The Code element (e.g. "tsmev3:PRODUCTION_AREA:TSMEV3_CORE1 : TR:SYNC:DAS:4"). */
  readonly code?: string;
  /** Defaults to the description. */
  readonly faultstring?: string;
  /** Defaults to the catalogue's meaning-based choice; the real exchange has been seen answering Server throughout. */
  readonly faultcode?: 'Client' | 'Server';
  readonly details?: SmevFaultDetails;
}

function detailChildren(name: SmevFaultName, details: SmevFaultDetails | undefined): Child[] {
  if (!details) return [];
  const f = (local: string): string => `${PREFIX.faults}:${local}`;
  return SMEV_FAULTS[name].detailFields.flatMap((field): Child[] => {
    switch (field) {
      case 'validationErrors':
        return validationErrors(details.validationErrors);
      case 'signatureFaultCode': {
        const sub = details.signatureFaultCode;
        if (sub !== undefined && !isSignatureFaultCode(sub)) {
          throw new KitError('ERR_ENVELOPE_INVALID', `"${String(sub)}" is not a SignatureVerificationFault code`, { path: 'detail/SignatureVerificationFault' });
        }
        return [leaf(f(FAULT_DETAIL_ELEMENTS[field]), sub)];
      }
      default: {
        const value = details[field];
        return [leaf(f(FAULT_DETAIL_ELEMENTS[field]), value === undefined ? undefined : String(value))];
      }
    }
  });
}

export function buildSmevFault(input: SmevFaultInput): string {
  const spec = SMEV_FAULTS[input.fault];
  if (!spec) throw new KitError('ERR_ENVELOPE_INVALID', `"${String(input.fault)}" is not a SMEV fault`, { path: 'detail' });
  if (!spec.versions.includes(input.version)) {
    throw new KitError('ERR_ENVELOPE_INVALID', `${input.fault} does not exist in schema version ${input.version}`, { path: 'detail' });
  }
  const ns = smevNamespaces(input.version);
  const description =
    spec.typicalCode && !/^\s*SMEV-\d+/.test(input.description) ? `${spec.typicalCode}:${input.description}` : input.description;
  const s = PREFIX.soap;
  const detail = element(
    `${PREFIX.faults}:${input.fault}`,
    {
      [`xmlns:${PREFIX.faults}`]: ns.faults,
      [`xmlns:${PREFIX.xsi}`]: XSI_NS,
      // The real exchange writes Code/Description unprefixed under a default basic namespace, hence "SmevFault".
      xmlns: ns.basic,
      [`${PREFIX.xsi}:type`]: 'SmevFault',
    },
    [leaf('Code', input.code ?? DEFAULT_FAULT_CODE), leaf('Description', description), ...detailChildren(input.fault, input.details)],
  );
  return soapEnvelope(
    element(`${s}:Fault`, {}, [
      `<faultcode>${s}:${input.faultcode ?? spec.soapFaultCode}</faultcode>`,
      `<faultstring>${escapeText(input.faultstring ?? description, 'faultstring')}</faultstring>`,
      `<detail>${detail}</detail>`,
    ]),
  );
}
