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
  /** Exclusive canonical form of `signedInfo`: the octets the signature value is computed over. */
  readonly signedInfoC14n: string;
}

function ds(doc: Document, localName: string, parent: Element, algorithm?: string): Element {
  const element = doc.createElementNS(XMLDSIG_NS, `${PREFIX}:${localName}`);
  if (algorithm !== undefined) element.setAttribute('Algorithm', algorithm);
  parent.appendChild(element);
  return element;
}

/** One SignedInfo element: ds-namespaced name, its attributes in canonical (sorted) order, children or text. */
interface Template {
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly children: readonly Template[];
  readonly text?: string;
}

const t = (name: string, attributes: Template['attributes'], children: Template[] = [], text?: string): Template => ({
  name,
  attributes,
  children,
  ...(text === undefined ? {} : { text }),
});

/** The SignedInfo we write, as data, so the DOM and its canonical string come from one description. */
function signedInfoTemplate(content: SignedInfoContent): Template {
  return t('SignedInfo', [], [
    t('CanonicalizationMethod', [['Algorithm', EXC_C14N_URI]]),
    t('SignatureMethod', [['Algorithm', content.signatureAlgorithmUri]]),
    t('Reference', [['URI', `#${content.referenceId}`]], [
      t('Transforms', [], TRANSFORM_CHAINS[content.chain].map((uri) => t('Transform', [['Algorithm', uri]]))),
      t('DigestMethod', [['Algorithm', content.digestAlgorithmUri]]),
      t('DigestValue', [], [], content.digestBase64),
    ]),
  ]);
}

function build(doc: Document, template: Template, parent: Element): Element {
  const element = doc.createElementNS(XMLDSIG_NS, `${PREFIX}:${template.name}`);
  for (const [name, value] of template.attributes) element.setAttribute(name, value);
  parent.appendChild(element);
  for (const child of template.children) build(doc, child, element);
  if (template.text !== undefined) element.appendChild(doc.createTextNode(template.text));
  return element;
}

// Exc-c14n escaping (xml-crypto utils, W3C c14n §2.3): text & < > CR; attributes & < " TAB LF CR.
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\r': '&#xD;', '\n': '&#xA;', '\t': '&#x9;' };
const escapeText = (text: string): string => text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
const escapeAttribute = (value: string): string => value.replace(/[&<"\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

/**
 * Exclusive canonical form of the SignedInfo `build` inserts: every element is in the ds namespace under the
 * one prefix, so only the root declares it (exc-c14n renders a prefix where it is first visibly used); the
 * attributes are all unqualified, at most one per element; nothing is empty-element shortened. Equality with
 * xml-crypto's exc-c14n of the inserted node is asserted by test/signature/fast-path.test.ts.
 */
function canonical(template: Template, root: boolean): string {
  let out = `<${PREFIX}:${template.name}${root ? ` xmlns:${PREFIX}="${XMLDSIG_NS}"` : ''}`;
  for (const [name, value] of template.attributes) out += ` ${name}="${escapeAttribute(value)}"`;
  out += '>';
  for (const child of template.children) out += canonical(child, false);
  if (template.text !== undefined) out += escapeText(template.text);
  return `${out}</${PREFIX}:${template.name}>`;
}

/**
 * Appends `<ds:Signature>` with a complete SignedInfo to `container`; SignatureValue and KeyInfo follow later.
 * Also returns SignedInfo's exclusive canonical form, written directly rather than computed from the tree.
 */
export function appendSignatureSkeleton(container: Element, content: SignedInfoContent): PendingSignature {
  const doc = container.ownerDocument;
  const signature = doc.createElementNS(XMLDSIG_NS, `${PREFIX}:Signature`);
  signature.setAttributeNS(XMLNS_NS, `xmlns:${PREFIX}`, XMLDSIG_NS);
  container.appendChild(signature);
  const template = signedInfoTemplate(content);
  const signedInfo = build(doc, template, signature);
  return { signature, signedInfo, signedInfoC14n: canonical(template, true) };
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
