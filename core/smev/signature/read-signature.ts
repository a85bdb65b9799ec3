/**
 * Reads one ds:Signature strictly: matched by namespace URI (any prefix or the default namespace), exactly the
 * SMEV shape — one SignedInfo, exc-c14n, one same-document Reference, only the accepted transform chains, the
 * profile's own digest method. Anything else is refused before any digest or key is computed.
 */
import { KitError } from '../../errors/index.ts';
import { childElements, textOf } from '../../xml/index.ts';
import { EXC_C14N_URI, XMLDSIG_NS, type TransformChainName } from './algorithms.ts';
import { base64Content } from './certificate.ts';
import { sameDocumentId } from './id-lookup.ts';
import type { SignatureProfile } from './profile.ts';
import { profileForSignatureMethod } from './profiles.ts';
import { chainNamed } from './transform-chain.ts';

export interface ParsedSignature {
  readonly signedInfo: Element;
  readonly profile: SignatureProfile;
  readonly referenceUri: string;
  readonly referenceId: string;
  readonly chain: TransformChainName;
  readonly transforms: readonly string[];
  readonly expectedDigest: Buffer;
  readonly signatureValue: Buffer;
  readonly certificateDer: Buffer | undefined;
}

/** What was read before a failure, so the caller can still report it. */
export interface PartialSignature {
  signatureAlgorithmUri?: string;
  digestAlgorithmUri?: string;
  referenceUri?: string;
  transforms?: string[];
}

function dsChildren(parent: Element, localName: string): Element[] {
  return childElements(parent).filter((el) => el.namespaceURI === XMLDSIG_NS && el.localName === localName);
}

function single(parent: Element, localName: string, code: 'ERR_SIGNATURE_INVALID' | 'ERR_SIGNATURE_REFERENCE_NOT_FOUND' = 'ERR_SIGNATURE_INVALID'): Element {
  const found = dsChildren(parent, localName);
  if (found.length !== 1) throw new KitError(code, `Expected exactly one ds:${localName} in ds:${parent.localName}, found ${found.length}`);
  return found[0]!;
}

function algorithmOf(element: Element): string {
  if (childElements(element).length > 0) {
    // InclusiveNamespaces, XPath, XSLT bodies …: parameters the SMEV profile never uses.
    throw new KitError('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM', `ds:${element.localName} carries parameters, which are not accepted`);
  }
  return element.getAttribute('Algorithm') ?? '';
}

export function readSignature(
  signature: Element,
  accepted: readonly SignatureProfile[],
  acceptedChains: readonly TransformChainName[],
  partial: PartialSignature,
): ParsedSignature {
  const signedInfo = single(signature, 'SignedInfo');
  const c14n = algorithmOf(single(signedInfo, 'CanonicalizationMethod'));
  if (c14n !== EXC_C14N_URI) throw new KitError('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM', `CanonicalizationMethod ${c14n} is not accepted`, { algorithm: c14n });
  const signatureMethod = algorithmOf(single(signedInfo, 'SignatureMethod'));
  partial.signatureAlgorithmUri = signatureMethod;

  const reference = single(signedInfo, 'Reference', 'ERR_SIGNATURE_REFERENCE_NOT_FOUND');
  const referenceUri = reference.getAttribute('URI');
  if (referenceUri !== null) partial.referenceUri = referenceUri;
  const transformsElement = dsChildren(reference, 'Transforms');
  const transforms = transformsElement.length === 1 ? dsChildren(transformsElement[0]!, 'Transform').map(algorithmOf) : [];
  partial.transforms = transforms;
  const digestMethod = algorithmOf(single(reference, 'DigestMethod'));
  partial.digestAlgorithmUri = digestMethod;

  const profile = profileForSignatureMethod(signatureMethod, accepted);
  const referenceId = sameDocumentId(referenceUri);
  const chain = chainNamed(transforms);
  if (transformsElement.length !== 1 || !chain || !acceptedChains.includes(chain)) {
    throw new KitError('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM', `Transforms [${transforms.join(', ')}] are not an accepted chain`, { transforms });
  }
  if (digestMethod !== profile.digestAlgorithmUri) {
    throw new KitError('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM', `DigestMethod ${digestMethod} does not belong to profile ${profile.name}`, {
      algorithm: digestMethod,
    });
  }

  const keyInfo = dsChildren(signature, 'KeyInfo')[0];
  const x509Data = keyInfo ? dsChildren(keyInfo, 'X509Data')[0] : undefined;
  const certificateElement = x509Data ? dsChildren(x509Data, 'X509Certificate')[0] : undefined;
  return {
    signedInfo,
    profile,
    referenceUri: referenceUri!,
    referenceId,
    chain,
    transforms,
    expectedDigest: base64Content(textOf(single(reference, 'DigestValue')), 'DigestValue'),
    signatureValue: base64Content(textOf(single(signature, 'SignatureValue')), 'SignatureValue'),
    certificateDer: certificateElement ? base64Content(textOf(certificateElement), 'X509Certificate') : undefined,
  };
}
