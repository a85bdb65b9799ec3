/**
 * Signing a message-exchange SOAP envelope: the operation element is the first element of soap:Body; its child
 * with an `Id` (SenderProvidedRequestData, SenderProvidedResponseData, MessageTypeSelector, AckTargetMessage,
 * Timestamp) is signed; the signature goes into CallerInformationSystemSignature in the operation's namespace.
 */
import { KitError } from '../../errors/index.ts';
import { childElements, firstChildNamed, isNamed, parseXml } from '../../xml/index.ts';
import { derBase64OfPem } from './certificate.ts';
import { createInScope } from './container.ts';
import type { SignatureProfile } from './profile.ts';
import { resolveProfile, type ProfileName } from './profiles.ts';
import { prepare } from './sign-detached.ts';
import { completeSignature, serializeDocument } from './signature-element.ts';
import type { DigestPath } from './transform-chain.ts';

const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const CONTAINER = 'CallerInformationSystemSignature';

export interface SignEnvelopeOptions {
  profile: SignatureProfile | ProfileName;
  privateKeyPem: string;
  certificatePem: string;
  /** Default 'fast'; see SignDetachedOptions.digestPath. */
  digestPath?: DigestPath;
}

export function signSmevEnvelope(xml: string, options: SignEnvelopeOptions): string {
  const profile = resolveProfile(options.profile);
  const certificateBase64 = derBase64OfPem(options.certificatePem);
  const doc = parseXml(xml);
  const envelope = doc.documentElement;
  const body = isNamed(envelope, SOAP11_NS, 'Envelope') ? firstChildNamed(envelope, SOAP11_NS, 'Body') : undefined;
  if (!body) throw new KitError('ERR_ENVELOPE_NOT_SOAP', 'Not a SOAP 1.1 envelope with a Body');
  const operation = childElements(body)[0];
  if (!operation) throw new KitError('ERR_ENVELOPE_UNKNOWN_OPERATION', 'The SOAP Body is empty');
  const target = childElements(operation).find((el) => el.hasAttribute('Id'));
  if (!target) throw new KitError('ERR_ENVELOPE_INVALID', `<${operation.localName}> has no child with an Id to sign`);
  const namespaceUri = operation.namespaceURI ?? '';

  const prepared = prepare(
    doc,
    {
      referenceId: target.getAttribute('Id')!,
      digestPath: options.digestPath,
      container: (d) => {
        const existing = childElements(operation).find((el) => isNamed(el, namespaceUri, CONTAINER));
        if (existing) return existing;
        const created = createInScope(d, operation, namespaceUri, CONTAINER);
        // XSD order puts 1.3's rout:Routing after the signature; everything else comes before it.
        const routing = childElements(operation).find((el) => el.localName === 'Routing');
        operation.insertBefore(created, routing ?? null);
        return created;
      },
    },
    profile,
  );
  completeSignature(prepared.pending, profile.sign(prepared.signedInfoOctets, options.privateKeyPem), certificateBase64);
  return serializeDocument(doc);
}
