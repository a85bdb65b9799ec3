/**
 * @module hub-signing
 * The hub's own signatures: SMEVSignature over MessageMetadata / Request / Response / AsyncProcessingStatusData
 * in its answers, and the "sender" signature over the SenderProvidedResponseData of the asynchronous rejections
 * the hub itself writes (sender `smev`).
 */
import { XMLSerializer } from '@xmldom/xmldom';
import { smevNamespaces, type SmevVersion } from '../../core/smev/envelope/index.ts';
import { XMLDSIG_NS, signDetached } from '../../core/smev/signature/index.ts';
import { parseXml } from '../../core/xml/index.ts';
import type { HubSigning } from './hub-options.ts';

export interface HubSigner {
  /**
   * Signs the element `Id=referenceId` of a built answer envelope; the SMEVSignature goes right after it (send
   * answers, GetStatus) or at the end of its parent (RequestMessage/ResponseMessage, after AttachmentContentList).
   */
  signAnswer(envelopeXml: string, version: SmevVersion, referenceId: string, placement: 'after' | 'append'): string;
  /** A detached ds:Signature (serialized) over one self-contained element carrying `Id=referenceId`. */
  signElement(elementXml: string, referenceId: string): string;
}

const SCRATCH_NS = 'urn:agency-kit:hub:scratch';

export function createHubSigner(signing: HubSigning): HubSigner {
  const base = { profile: signing.profile, privateKeyPem: signing.privateKeyPem, certificatePem: signing.certificatePem };
  return {
    signAnswer(envelopeXml, version, referenceId, placement) {
      return signDetached(envelopeXml, {
        ...base,
        referenceId,
        container: { namespaceUri: smevNamespaces(version).types, localName: 'SMEVSignature', insertAfterId: placement === 'after' },
      });
    },
    signElement(elementXml, referenceId) {
      // The SMEV transform makes the digest independent of the surrounding document, so a scratch parent works.
      const signed = signDetached(`<scratch xmlns="${SCRATCH_NS}">${elementXml}</scratch>`, {
        ...base,
        referenceId,
        container: { namespaceUri: SCRATCH_NS, localName: 'Signature', insertAfterId: true },
      });
      const doc = parseXml(signed);
      const signature = doc.getElementsByTagNameNS(XMLDSIG_NS, 'Signature').item(0);
      if (!signature) throw new Error('signDetached produced no ds:Signature');
      return new XMLSerializer().serializeToString(signature);
    },
  };
}
