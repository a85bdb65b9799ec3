/**
 * @module identify-caller
 * Who is calling: the participating system whose certificate made the signature in
 * CallerInformationSystemSignature over the operation's signed structure. The hub is always strict, like the real
 * exchange: no signature is NoSignatureFound; a signature over another element is IncorrectSignatureTarget; a bad
 * digest or value is SignatureIsInvalid; a certificate that is not a registered system's is CertificateIsNotFound.
 */
import { X509Certificate } from 'node:crypto';
import type { SignatureFaultCode } from '../../core/smev/envelope/index.ts';
import type { ParsedSignatureWrapper, Signed } from '../../core/smev/envelope/index.ts';
import { TrustList, verifyDetached, type VerificationResult } from '../../core/smev/signature/index.ts';
import { HubFault } from './hub-fault.ts';
import type { HubSystem } from './hub-options.ts';

export interface SystemDirectory {
  readonly trust: TrustList;
  bySystemFingerprint(fingerprint256: string): HubSystem | undefined;
  byMnemonic(mnemonic: string): HubSystem | undefined;
}

export function createSystemDirectory(systems: readonly HubSystem[]): SystemDirectory {
  const byFingerprint = new Map<string, HubSystem>();
  const byMnemonic = new Map<string, HubSystem>();
  for (const system of systems) {
    byFingerprint.set(new X509Certificate(system.certificatePem).fingerprint256, system);
    byMnemonic.set(system.mnemonic, system);
  }
  return {
    // Only the listed leaf certificates: a CA in the list would let any certificate it issued in as "someone".
    trust: TrustList.fromPems(systems.map((s) => s.certificatePem)),
    bySystemFingerprint: (fingerprint) => byFingerprint.get(fingerprint),
    byMnemonic: (mnemonic) => byMnemonic.get(mnemonic),
  };
}

export interface IdentifiedCaller {
  readonly system: HubSystem;
  /** The caller's ds:Signature element (relayed as SenderInformationSystemSignature for sends). */
  readonly signature: Element;
}

function signatureFault(code: SignatureFaultCode, text: string): HubFault {
  const stage = code === 'NoSignatureFound' ? 'SPS:1' : code === 'CertificateIsExpired' ? 'SPS:4' : code === 'CertificateIsNotFound' ? 'SPS:3' : 'SPS:2';
  return new HubFault('SignatureVerificationFault', text, { details: { signatureFaultCode: code }, stage });
}

function faultOf(result: Exclude<VerificationResult, { ok: true }>): HubFault {
  const { code, message } = result.error;
  switch (code) {
    case 'ERR_SIGNATURE_WRAPPING':
      return signatureFault('IncorrectSignatureTarget', `ЭП-ОВ подписывает не тот элемент: ${message}`);
    case 'ERR_CERTIFICATE_UNTRUSTED':
      return signatureFault('CertificateIsNotFound', `Сертификат ЭП-ОВ не зарегистрирован: ${message}`);
    case 'ERR_CERTIFICATE_EXPIRED':
      return signatureFault('CertificateIsExpired', `Срок действия сертификата ЭП-ОВ истёк: ${message}`);
    default:
      return signatureFault('SignatureIsInvalid', `ЭП-ОВ не прошла проверку: ${message}`);
  }
}

export function identifyCaller(
  document: Document,
  signed: Signed,
  wrapper: ParsedSignatureWrapper | undefined,
  directory: SystemDirectory,
  now: Date,
): IdentifiedCaller {
  const signature = wrapper?.signature;
  if (!signature) throw signatureFault('NoSignatureFound', 'Отсутствует ЭП-ОВ (CallerInformationSystemSignature)');
  if (signed.id === undefined) throw signatureFault('IncorrectSignatureTarget', `<${signed.element.localName}> has no Id for the signature to reference`);
  const results = verifyDetached(document, { trust: directory.trust, now });
  const result = results.find((r) => r.signature === signature);
  if (!result) throw signatureFault('PoorSOAPEnvelopeFormat', 'The caller signature could not be located');
  if (!result.ok) throw faultOf(result);
  if (result.referenceUri !== `#${signed.id}` || result.signedElement !== signed.element) {
    throw signatureFault('IncorrectSignatureTarget', `ЭП-ОВ must sign <${signed.element.localName} Id="${signed.id}">, it signs ${result.referenceUri}`);
  }
  const system = directory.bySystemFingerprint(result.certificate.fingerprint256);
  if (!system) throw signatureFault('CertificateIsNotFound', `Сертификат "${result.certificate.subject}" не принадлежит участнику`);
  return { system, signature };
}
