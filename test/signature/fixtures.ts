/** Shared test material: the committed TEST keys and a ~2 KB SendRequest envelope. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TrustList } from '../../core/smev/signature/index.ts';

export const KEYS_DIR = join(import.meta.dirname, '../../fixtures/keys');
export const key = (name: string): string => readFileSync(join(KEYS_DIR, `${name}.key.pem`), 'utf8');
export const cert = (name: string): string => readFileSync(join(KEYS_DIR, `${name}.cert.pem`), 'utf8');
export const trust = TrustList.fromDirectory(join(KEYS_DIR, 'trust'));
export const TYPES_NS = 'urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.2';

export const ENVELOPE = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="${TYPES_NS}" xmlns:b="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.2">
  <soapenv:Header/>
  <soapenv:Body>
    <t:SendRequestRequest>
      <t:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
        <t:MessageID>6b9f0c5e-3a1b-11ef-9a2c-0242ac120002</t:MessageID>
        <b:MessagePrimaryContent>
          <pfr:SnilsByDataRequest xmlns:pfr="http://kvs.pfr.com/snils-by-data/1.1.2" xmlns:smev="urn://x-artefacts-smev-gov-ru/supplementary/commons/1.0.1">
            <smev:FamilyName>Иванов</smev:FamilyName>
            <smev:FirstName>Иван</smev:FirstName>
            <smev:Patronymic>Иванович</smev:Patronymic>
            <pfr:BirthDate>1980-01-01</pfr:BirthDate>
            <pfr:Gender>Male</pfr:Gender>
            <pfr:BirthPlace pfr:PlaceType="СПЕЦИАЛЬНОЕ"><pfr:Settlement>г. Москва &amp; область</pfr:Settlement><pfr:Region>Москва</pfr:Region><pfr:Country>РФ</pfr:Country></pfr:BirthPlace>
            <pfr:PassportRF><pfr:Series>4500</pfr:Series><pfr:Number>123456</pfr:Number><pfr:IssueDate>2000-02-02</pfr:IssueDate><pfr:Issuer>ОВД района Тверской г. Москвы</pfr:Issuer></pfr:PassportRF>
            <pfr:Comment>Заявление на ежемесячную выплату; проверка сведений о заявителе и членах семьи для назначения меры поддержки</pfr:Comment>
          </pfr:SnilsByDataRequest>
        </b:MessagePrimaryContent>
        <t:TestMessage/>
      </t:SenderProvidedRequestData>
    </t:SendRequestRequest>
  </soapenv:Body>
</soapenv:Envelope>`;

export const devOptions = {
  referenceId: 'SIGNED_BY_CONSUMER',
  profile: 'dev' as const,
  privateKeyPem: key('consumer'),
  certificatePem: cert('consumer'),
  container: { namespaceUri: TYPES_NS, localName: 'CallerInformationSystemSignature' },
};
