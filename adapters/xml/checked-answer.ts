/**
 * A hand-over between the direct transport and the shared answer pipeline, so a business answer is not parsed
 * and XSD-validated twice on the hot path. The transport, after verifying the agency's signature over the payload
 * element and validating `answer.xml` against the contract XSD, records that fact here together with the parsed
 * payload element; readAgencyAnswer then skips its own parse and schema check for that very answer object — only
 * when the XML text and the schema path are the ones recorded, so any other answer (hub transport, tests, a
 * caller building an AgencyAnswer by hand) still goes through the full check. Every check still happens once.
 */
import type { BusinessAnswer } from '../../core/adapter/index.ts';

interface CheckedRecord {
  /** The exact text that was validated. */
  readonly xml: string;
  /** The schema it satisfied. */
  readonly xsdPath: string;
  /** The payload element the text was serialized from, detached from its envelope. */
  readonly element: Element;
}

const checked = new WeakMap<BusinessAnswer, CheckedRecord>();

/**
 * Records that `answer.xml`, serialized from `element`, satisfied the XSD at `xsdPath`. Takes the element over:
 * it is detached from its parent (the envelope's soap:Body, of no further use once the signature is verified and
 * the text serialized), so it stands as its own root, as in a fresh parse of `answer.xml` (element paths in
 * error messages start at the payload root, not at the Envelope).
 */
export function markAnswerSchemaChecked(answer: BusinessAnswer, xsdPath: string, element: Element): void {
  element.parentNode?.removeChild(element);
  checked.set(answer, { xml: answer.xml, xsdPath, element });
}

/**
 * The payload root, when the answer was recorded as checked against `xsdPath` and its text has not changed since;
 * undefined otherwise. Handed out once: a second read of the same answer parses and validates again.
 */
export function schemaCheckedRoot(answer: BusinessAnswer, xsdPath: string): Element | undefined {
  const record = checked.get(answer);
  if (!record) return undefined;
  checked.delete(answer);
  if (record.xsdPath !== xsdPath || record.xml !== answer.xml) return undefined;
  return record.element;
}
