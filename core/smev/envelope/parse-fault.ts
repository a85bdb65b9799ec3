/** Reads a soap:Fault, and its SMEV detail element when there is one, into typed data. */
import { childElements, firstChildNamed, textOf } from '../../xml/index.ts';
import { classifyNamespace, smevNamespaces } from './namespaces.ts';
import { FAULT_DETAIL_ELEMENTS, isSignatureFaultCode, smevCodeOf, smevFaultSpec, type SmevFaultDetails } from './faults.ts';
import { Scope } from './parse-scope.ts';
import { readValidationErrors } from './parse-structures.ts';
import type { FaultEnvelope, ParsedSmevFault } from './parsed-model.ts';

// SOAP 1.1 fault children are unqualified; some stacks qualify them anyway, so accept both.
function faultChild(fault: Element, localName: string): Element | undefined {
  return childElements(fault).find((el) => el.localName === localName && (!el.namespaceURI || el.namespaceURI === fault.namespaceURI));
}

function numberOrUndefined(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function readDetails(scope: Scope): SmevFaultDetails {
  const details: Record<string, unknown> = {};
  const sub = scope.text(FAULT_DETAIL_ELEMENTS.signatureFaultCode);
  if (sub !== undefined && isSignatureFaultCode(sub)) details.signatureFaultCode = sub;
  const errors = readValidationErrors(scope);
  if (errors.length > 0) details.validationErrors = errors;
  for (const field of ['rootElementLocalName', 'rootElementNamespaceUri', 'messageBrokerAddress', 'destinationName'] as const) {
    const value = scope.text(FAULT_DETAIL_ELEMENTS[field]);
    if (value !== undefined) details[field] = value;
  }
  for (const field of ['permittedTotalAttachmentSize', 'remainedTotalQuoteSize', 'realTotalAttachmentSize'] as const) {
    const value = numberOrUndefined(scope.text(FAULT_DETAIL_ELEMENTS[field]));
    if (value !== undefined) details[field] = value;
  }
  return details as SmevFaultDetails;
}

export function readFault(document: Document, fault: Element): FaultEnvelope {
  const faultcode = (faultChild(fault, 'faultcode') ? textOf(faultChild(fault, 'faultcode')!) : '').trim();
  const faultstring = (faultChild(fault, 'faultstring') ? textOf(faultChild(fault, 'faultstring')!) : '').trim();
  const detail = faultChild(fault, 'detail');
  let smevFault: ParsedSmevFault | undefined;
  let version: FaultEnvelope['version'];
  if (detail) {
    // The first detail child in a message-exchange namespace is the SMEV fault; anything else is foreign detail.
    const element = childElements(detail).find((el) => classifyNamespace(el.namespaceURI) !== undefined);
    const found = element ? classifyNamespace(element.namespaceURI) : undefined;
    if (element && found) {
      version = found.version;
      const scope = new Scope(smevNamespaces(found.version), element, `Fault/detail/${element.localName}`);
      // Code/Description are basic-namespace elements, but unqualified ones have been seen from other stacks.
      const code = scope.text('Code') ?? textOrUndefined(firstChildNamed(element, null, 'Code'));
      const description = scope.text('Description') ?? textOrUndefined(firstChildNamed(element, null, 'Description'));
      const spec = smevFaultSpec(element.localName);
      smevFault = {
        name: element.localName,
        ...(spec ? { spec } : {}),
        ...(code !== undefined ? { code } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(smevCodeOf(description) ? { smevCode: smevCodeOf(description)! } : {}),
        details: readDetails(scope),
        element,
      };
    }
  }
  return {
    operation: 'Fault',
    ...(version ? { version } : {}),
    document,
    operationElement: fault,
    faultcode,
    faultcodeLocal: faultcode.slice(faultcode.indexOf(':') + 1),
    faultstring,
    ...(smevFault ? { fault: smevFault } : {}),
  };
}

function textOrUndefined(el: Element | undefined): string | undefined {
  return el ? textOf(el).trim() : undefined;
}
