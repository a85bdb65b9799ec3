import { describe, expect, it } from 'vitest';
import { SMEV_FAULTS, SMEV_FAULT_NAMES, buildSmevFault, parseSmevEnvelope, type FaultEnvelope, type SmevFaultName } from '../../core/smev/envelope/index.ts';
import { VERSIONS, ns } from './_fixtures.ts';

function fault(xml: string): FaultEnvelope {
  const env = parseSmevEnvelope(xml);
  if (env.operation !== 'Fault') throw new Error(`expected a Fault, got ${env.operation}`);
  return env;
}

const REFERENCE_FAULTS = [
  'SignatureVerificationFault', 'InvalidContent', 'BusinessDataTypeIsNotSupported', 'UnknownMessageType', 'MessageIsAlreadySent',
  'InvalidMessageIdFormat', 'StaleMessageId', 'AttachmentContentMiscoordination', 'AttachmentSizeLimitExceeded', 'QuoteLimitExceeded',
  'AccessDenied', 'PersonalAccessDenied', 'SenderIsNotRegistered', 'RecipientIsNotFound', 'IncorrectResponseContentType',
  'RequestIsNotFound', 'TargetMessageIsNotFound', 'DestinationOverflow', 'SMEVFailure', 'TransactionCodeInvalid', 'EndOfLifeReached',
];

describe('the SMEV fault catalogue', () => {
  it('lists every fault element of the reference notes', () => {
    expect([...SMEV_FAULT_NAMES].sort()).toEqual([...REFERENCE_FAULTS].sort());
  });

  it('tells the client what to do', () => {
    expect(SMEV_FAULTS.MessageIsAlreadySent).toMatchObject({ treatAsSuccess: true, retryable: false, action: 'success' });
    expect(SMEV_FAULTS.SMEVFailure).toMatchObject({ retryable: true, action: 'retry', soapFaultCode: 'Server' });
    expect(SMEV_FAULTS.DestinationOverflow.retryable).toBe(true);
    expect(SMEV_FAULTS.StaleMessageId.action).toBe('new-message-id');
    expect(SMEV_FAULTS.AccessDenied).toMatchObject({ retryable: false, action: 'stop' });
    expect(SMEV_FAULTS.SignatureVerificationFault.typicalCode).toBe('SMEV-100');
    expect(SMEV_FAULTS.PersonalAccessDenied.versions).toEqual(['1.3']);
  });
});

describe('fault envelopes build → parse', () => {
  it.each(VERSIONS)('round-trips a MessageIsAlreadySent fault in %s with the real wire shape', (version) => {
    const xml = buildSmevFault({ version, fault: 'MessageIsAlreadySent', description: 'Сообщение уже отправлено', code: 'tsmev3:PRODUCTION_AREA:TSMEV3_CORE1 : TR:SYNC:DAS:4' });
    expect(xml).toContain(`xmlns="${ns(version).basic}"`);
    expect(xml).toContain('xsi:type="SmevFault"');
    const env = fault(xml);
    expect(env.version).toBe(version);
    expect(env.faultcodeLocal).toBe('Client');
    expect(env.fault).toMatchObject({ name: 'MessageIsAlreadySent', code: 'tsmev3:PRODUCTION_AREA:TSMEV3_CORE1 : TR:SYNC:DAS:4', description: 'Сообщение уже отправлено' });
    expect(env.fault?.spec?.treatAsSuccess).toBe(true);
  });

  it('prefixes the typical SMEV code and carries the signature sub-code', () => {
    const env = fault(buildSmevFault({ version: '1.2', fault: 'SignatureVerificationFault', description: 'Срок действия сертификата ЭП-ОВ истёк', details: { signatureFaultCode: 'CertificateIsExpired' } }));
    expect(env.fault).toMatchObject({ smevCode: 'SMEV-100', description: 'SMEV-100:Срок действия сертификата ЭП-ОВ истёк', details: { signatureFaultCode: 'CertificateIsExpired' } });
    expect(env.faultstring).toBe('SMEV-100:Срок действия сертификата ЭП-ОВ истёк');
  });

  it('carries validation errors of InvalidContent and sizes of AttachmentSizeLimitExceeded', () => {
    const ic = fault(buildSmevFault({ version: '1.3', fault: 'InvalidContent', description: 'SMEV-403:bad', details: { validationErrors: [{ position: 3, message: 'cvc-<x>' }, { message: 'y' }] } }));
    expect(ic.fault?.details.validationErrors).toEqual([{ position: 3, message: 'cvc-<x>' }, { message: 'y' }]);
    const size = fault(buildSmevFault({ version: '1.2', fault: 'AttachmentSizeLimitExceeded', description: 'big', details: { permittedTotalAttachmentSize: 5, realTotalAttachmentSize: 9 } }));
    expect(size.fault?.details).toEqual({ permittedTotalAttachmentSize: 5, realTotalAttachmentSize: 9 });
  });

  it('uses soap:Server for exchange trouble and lets callers override the faultcode', () => {
    expect(fault(buildSmevFault({ version: '1.2', fault: 'SMEVFailure', description: 'down' })).faultcode).toBe('soap:Server');
    expect(fault(buildSmevFault({ version: '1.2', fault: 'TargetMessageIsNotFound', description: 'x', faultcode: 'Server' })).faultcodeLocal).toBe('Server');
  });

  it('builds every catalogued fault for each version that has it', () => {
    for (const name of SMEV_FAULT_NAMES as SmevFaultName[]) {
      for (const version of SMEV_FAULTS[name].versions) {
        expect(fault(buildSmevFault({ version, fault: name, description: 'd' })).fault?.name).toBe(name);
      }
    }
  });

  it('refuses a fault in a version that does not define it', () => {
    expect(() => buildSmevFault({ version: '1.2', fault: 'PersonalAccessDenied', description: 'x' })).toThrow(/does not exist in schema version 1.2/);
  });

  it('reads a plain SOAP fault without SMEV detail', () => {
    const env = fault('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Unmarshalling Error</faultstring></s:Fault></s:Body></s:Envelope>');
    expect(env).toMatchObject({ faultcodeLocal: 'Client', faultstring: 'Unmarshalling Error' });
    expect(env.fault).toBeUndefined();
    expect(env.version).toBeUndefined();
  });

  it('reads the real 1.2 TargetMessageIsNotFound fault shape', () => {
    const N = ns('1.2');
    const xml = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Сообщение не найдено</faultstring><detail><ns3:TargetMessageIsNotFound xmlns:ns3="${N.faults}" xmlns:ns2="${N.types}" xmlns="${N.basic}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="SmevFault"><Code>tsmev3:PRODUCTION_AREA:TSMEV3_CORE1 : TR:SYNC:DAS:4</Code><Description>SMEV-501:Сообщение не найдено среди неподтверждённых.</Description></ns3:TargetMessageIsNotFound></detail></soap:Fault></soap:Body></soap:Envelope>`;
    const env = fault(xml);
    expect(env.fault).toMatchObject({ name: 'TargetMessageIsNotFound', smevCode: 'SMEV-501' });
    expect(env.fault?.spec?.action).toBe('stop');
  });
});
