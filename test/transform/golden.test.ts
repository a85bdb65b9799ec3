import { describe, expect, it } from 'vitest';
import { parseXml } from '../../core/xml/index.ts';
import { smevTransform, smevTransformElement } from '../../core/smev/transform/index.ts';

// Expected strings copied verbatim from the reference notes §2.3 (measured on the Java reference with Woodstox).
const MR_SAMPLE_EXPECTED =
  '<ns1:elementOne xmlns:ns1="http://test/1"><ns2:elementTwo xmlns:ns2="http://test/2"><ns3:elementThree xmlns:ns3="http://test/3" xmlns:ns4="http://test/0" xmlns:ns5="http://test/a" ns4:attC="ccc" ns2:attF="fff" ns3:attD="ddd" ns3:attE="eee" ns5:attZ="zzz" attA="aaa" attB="bbb"></ns3:elementThree></ns2:elementTwo><ns6:elementFour xmlns:ns6="http://test/2">0</ns6:elementFour><ns7:elementFive xmlns:ns7="http://test/2"></ns7:elementFive><ns8:elementSix xmlns:ns8="http://test/2"></ns8:elementSix></ns1:elementOne>';

const SENDER_EXPECTED =
  '<ns1:SenderProvidedRequestData xmlns:ns1="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.2" Id="SIGNED_BY_CONSUMER"><ns1:MessageID>6b9f0c5e-3a1b-11ef-9a2c-0242ac120002</ns1:MessageID><ns2:MessagePrimaryContent xmlns:ns2="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.2"><ns3:SnilsByDataRequest xmlns:ns3="http://kvs.pfr.com/snils-by-data/1.1.2"><ns4:FamilyName xmlns:ns4="urn://x-artefacts-smev-gov-ru/supplementary/commons/1.0.1">Иванов</ns4:FamilyName><ns5:FirstName xmlns:ns5="urn://x-artefacts-smev-gov-ru/supplementary/commons/1.0.1">Иван</ns5:FirstName><ns3:BirthDate>1980-01-01</ns3:BirthDate></ns3:SnilsByDataRequest></ns2:MessagePrimaryContent><ns1:TestMessage></ns1:TestMessage></ns1:SenderProvidedRequestData>';

// Our own input in the shape the notes describe: default namespace, unused and out-of-order declarations,
// unsorted attributes, self-closing tags, indentation, a comment and a processing instruction.
const MR_SAMPLE_INPUT = `<?xml version="1.0" encoding="UTF-8"?>
<elementOne xmlns="http://test/1" xmlns:qwe="http://test/2" xmlns:asd="http://test/3" xmlns:unused="http://test/x">
  <qwe:elementTwo>
    <asd:elementThree xmlns:wer="http://test/a" xmlns:zxc="http://test/0" wer:attZ="zzz" attB="bbb" attA="aaa"
        zxc:attC="ccc" asd:attD="ddd" asd:attE="eee" qwe:attF="fff"/>
  </qwe:elementTwo>
  <!-- dropped -->
  <qwe:elementFour>0</qwe:elementFour>
  <qwe:elementFive>
  </qwe:elementFive>
  <?dropped too?>
  <qwe:elementSix/>
</elementOne>
`;

// A plausible exc-c14n output: c14n keeps the line breaks, writes the default namespace where it is used, and has
// pushed the `smev` declaration down to each element that uses it (so the same URI appears on two siblings).
const SENDER_INPUT = [
  '<ns:SenderProvidedRequestData xmlns:ns="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.2" Id="SIGNED_BY_CONSUMER">',
  '\n  <ns:MessageID>6b9f0c5e-3a1b-11ef-9a2c-0242ac120002</ns:MessageID>',
  '\n  <ns2:MessagePrimaryContent xmlns:ns2="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.2">',
  '\n    <SnilsByDataRequest xmlns="http://kvs.pfr.com/snils-by-data/1.1.2">',
  '\n      <smev:FamilyName xmlns:smev="urn://x-artefacts-smev-gov-ru/supplementary/commons/1.0.1">Иванов</smev:FamilyName>',
  '\n      <smev:FirstName xmlns:smev="urn://x-artefacts-smev-gov-ru/supplementary/commons/1.0.1">Иван</smev:FirstName>',
  '\n      <BirthDate>1980-01-01</BirthDate>',
  '\n    </SnilsByDataRequest>',
  '\n  </ns2:MessagePrimaryContent>',
  '\n  <ns:TestMessage></ns:TestMessage>',
  '\n</ns:SenderProvidedRequestData>',
].join('');

describe('smevTransform golden vectors', () => {
  it('reproduces the МР sample byte for byte, siblings re-declaring http://test/2 as ns6, ns7 and ns8', () => {
    expect(smevTransform(MR_SAMPLE_INPUT).toString('utf8')).toBe(MR_SAMPLE_EXPECTED);
  });

  it('reproduces the SenderProvidedRequestData worked example byte for byte', () => {
    const out = smevTransform(SENDER_INPUT);
    expect(out.equals(Buffer.from(SENDER_EXPECTED, 'utf8'))).toBe(true);
  });

  it('gives the same bytes for the worked example fed as a UTF-8 Buffer', () => {
    expect(smevTransform(Buffer.from(SENDER_INPUT, 'utf8')).toString('utf8')).toBe(SENDER_EXPECTED);
  });
});

describe('smevTransformElement golden vectors', () => {
  it('reproduces both golden strings from parsed root elements', () => {
    expect(smevTransformElement(parseXml(MR_SAMPLE_INPUT).documentElement)).toBe(MR_SAMPLE_EXPECTED);
    expect(smevTransformElement(parseXml(SENDER_INPUT).documentElement)).toBe(SENDER_EXPECTED);
  });
});
