/**
 * Writes a ds:Signature into a document with DOM calls (no string splicing, no re-parse): SignedInfo first, so it
 * can be canonicalized and signed, then SignatureValue and KeyInfo once the value is known.
 */
import { XMLDSIG_NS, XMLNS_NS, EXC_C14N_URI } from './algorithms.ts';
import { TRANSFORM_CHAINS } from './transform-chain.ts';
import type { TransformChainName } from './algorithms.ts';

const PREFIX = 'ds';

export interface SignedInfoContent {
  readonly signatureAlgorithmUri: string;
  readonly digestAlgorithmUri: string;
  readonly referenceId: string;
  readonly chain: TransformChainName;
  readonly digestBase64: string;
}

export interface PendingSignature {
  readonly signature: Element;
  readonly signedInfo: Element;
}

function ds(doc: Document, localName: string, parent: Element, algorithm?: string): Element {
  const element = doc.createElementNS(XMLDSIG_NS, `${PREFIX}:${localName}`);
  if (algorithm !== undefined) element.setAttribute('Algorithm', algorithm);
  parent.appendChild(element);
  return element;
}

/** Appends `<ds:Signature>` with a complete SignedInfo to `container`; SignatureValue and KeyInfo follow later. */
export function appendSignatureSkeleton(container: Element, content: SignedInfoContent): PendingSignature {
  const doc = container.ownerDocument;
  const signature = doc.createElementNS(XMLDSIG_NS, `${PREFIX}:Signature`);
  signature.setAttributeNS(XMLNS_NS, `xmlns:${PREFIX}`, XMLDSIG_NS);
  container.appendChild(signature);

  const signedInfo = ds(doc, 'SignedInfo', signature);
  ds(doc, 'CanonicalizationMethod', signedInfo, EXC_C14N_URI);
  ds(doc, 'SignatureMethod', signedInfo, content.signatureAlgorithmUri);
  const reference = ds(doc, 'Reference', signedInfo);
  reference.setAttribute('URI', `#${content.referenceId}`);
  const transforms = ds(doc, 'Transforms', reference);
  for (const uri of TRANSFORM_CHAINS[content.chain]) ds(doc, 'Transform', transforms, uri);
  ds(doc, 'DigestMethod', reference, content.digestAlgorithmUri);
  ds(doc, 'DigestValue', reference).appendChild(doc.createTextNode(content.digestBase64));
  return { signature, signedInfo };
}

export function completeSignature(pending: PendingSignature, signatureValue: Uint8Array, certificateDerBase64: string): void {
  const doc = pending.signature.ownerDocument;
  const value = ds(doc, 'SignatureValue', pending.signature);
  value.appendChild(doc.createTextNode(Buffer.from(signatureValue).toString('base64')));
  const keyInfo = ds(doc, 'KeyInfo', pending.signature);
  const x509Data = ds(doc, 'X509Data', keyInfo);
  ds(doc, 'X509Certificate', x509Data).appendChild(doc.createTextNode(certificateDerBase64));
}

/** Drops ds:Signature children, so re-signing a message replaces its signature instead of adding a second one. */
export function removeSignatures(container: Element): void {
  for (let child = container.firstChild; child; ) {
    const next = child.nextSibling;
    if (child.nodeType === 1 && (child as Element).namespaceURI === XMLDSIG_NS && (child as Element).localName === 'Signature') {
      container.removeChild(child);
    }
    child = next;
  }
}

/**
 * xmldom writes a carriage return held in text raw, and a parser reads a raw CR back as LF, which would change
 * the signed bytes; a CR can only have come from a character reference, so write it as one again.
 */
export function serializeDocument(doc: Document): string {
  return doc.toString().replace(/\r/g, '&#xD;');
}
