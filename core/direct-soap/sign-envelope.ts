/**
 * Signing and verifying direct-mode envelopes: one detached SMEV signature (exc-c14n + SMEV transform) over the
 * element with the side's Id, kept in soap:Header inside kit:AgencySignature or kit:CallerSignature, so the Body
 * holds the contract payload and nothing else (any SOAP client can read it without knowing about signatures).
 */
import { KitError } from '../errors/index.ts';
import {
  signDetached,
  signDetachedDocument,
  verifyDetached,
  type ProfileName,
  type SignatureProfile,
  type TransformChainName,
  type TrustList,
  type VerifiedSignature,
} from '../smev/signature/index.ts';
import { childElements, firstChildNamed, isInside } from './dom-helpers.ts';
import { KIT_DIRECT_NS, KIT_PREFIX, SIGNATURE_WRAPPERS, SOAP_ENV_NS, type SignatureSide } from './wire-names.ts';

export interface DirectSigning {
  readonly profile: SignatureProfile | ProfileName;
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  /** Default 'smev'. */
  readonly transforms?: TransformChainName;
}

export interface SignDirectOptions {
  readonly side: SignatureSide;
  readonly referenceId: string;
  readonly signing: DirectSigning;
}

/** Signs the element carrying `referenceId` and returns the whole envelope with the signature in the Header. */
export function signDirectEnvelope(xml: string, options: SignDirectOptions): string {
  return signDetached(xml, detachedOptions(options));
}

/** The same on an envelope document already parsed or built (changed in place), returned serialized. */
export function signDirectDocument(document: Document, options: SignDirectOptions): string {
  return signDetachedDocument(document, detachedOptions(options));
}

function detachedOptions(options: SignDirectOptions): Parameters<typeof signDetached>[1] {
  const wrapper = SIGNATURE_WRAPPERS[options.side];
  return {
    referenceId: options.referenceId,
    profile: options.signing.profile,
    privateKeyPem: options.signing.privateKeyPem,
    certificatePem: options.signing.certificatePem,
    transforms: options.signing.transforms ?? 'smev',
    container: (doc) => headerWrapper(doc, wrapper),
  };
}

function headerWrapper(doc: Document, wrapper: string): Element {
  const envelope = doc.documentElement;
  let header = firstChildNamed(envelope, SOAP_ENV_NS, 'Header');
  if (!header) {
    header = doc.createElementNS(SOAP_ENV_NS, `${envelope.prefix ? `${envelope.prefix}:` : ''}Header`);
    envelope.insertBefore(header, envelope.firstChild);
  }
  const existing = firstChildNamed(header, KIT_DIRECT_NS, wrapper);
  if (existing) return existing;
  const created = doc.createElementNS(KIT_DIRECT_NS, `${KIT_PREFIX}:${wrapper}`);
  if (envelope.lookupNamespaceURI(KIT_PREFIX) !== KIT_DIRECT_NS) created.setAttribute(`xmlns:${KIT_PREFIX}`, KIT_DIRECT_NS);
  header.appendChild(created);
  return created;
}

/** Whether the Header holds the side's signature wrapper with a ds:Signature in it. */
export function hasDirectSignature(document: Document, side: SignatureSide): boolean {
  const header = firstChildNamed(document.documentElement, SOAP_ENV_NS, 'Header');
  const wrapper = header ? firstChildNamed(header, KIT_DIRECT_NS, SIGNATURE_WRAPPERS[side]) : undefined;
  return wrapper !== undefined && childElements(wrapper).length > 0;
}

export interface VerifyDirectOptions {
  readonly side: SignatureSide;
  readonly referenceId: string;
  /** The element the signature must cover: the Body payload or the fault detail, found by position, not by Id. */
  readonly expectedElement: Element;
  readonly trust: TrustList;
  readonly now?: Date;
}

/**
 * Verifies the side's signature and that it covers exactly `expectedElement`. Throws the KitError of the first
 * failure: ERR_SIGNATURE_NOT_FOUND, digest/value/trust errors, or ERR_SIGNATURE_WRAPPING.
 */
export function verifyDirectEnvelope(document: Document, options: VerifyDirectOptions): VerifiedSignature {
  const header = firstChildNamed(document.documentElement, SOAP_ENV_NS, 'Header');
  const wrapper = header ? firstChildNamed(header, KIT_DIRECT_NS, SIGNATURE_WRAPPERS[options.side]) : undefined;
  if (!wrapper) {
    throw new KitError('ERR_SIGNATURE_NOT_FOUND', `soap:Header holds no kit:${SIGNATURE_WRAPPERS[options.side]}`);
  }
  const results = verifyDetached(document, {
    trust: options.trust,
    expectedReferenceId: options.referenceId,
    ...(options.now ? { now: options.now } : {}),
  });
  // Only a signature inside the side's wrapper speaks for that side.
  const mine = results.filter((r) => isInside(r.signature, wrapper));
  const first = mine[0];
  if (!first) throw new KitError('ERR_SIGNATURE_NOT_FOUND', `kit:${SIGNATURE_WRAPPERS[options.side]} holds no ds:Signature`);
  if (!first.ok) throw first.error;
  if (first.signedElement !== options.expectedElement) {
    throw new KitError('ERR_SIGNATURE_WRAPPING', `The signature covers #${options.referenceId}, which is not the element the answer is read from`);
  }
  return first;
}
