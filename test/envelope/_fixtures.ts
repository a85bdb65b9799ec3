/** Shared inputs for the envelope tests. */
import { generateMessageId, type SmevVersion } from '../../core/smev/envelope/index.ts';

export const VERSIONS: readonly SmevVersion[] = ['1.1', '1.2', '1.3'];

export const PAYLOAD =
  '<pfr:SnilsByDataRequest xmlns:pfr="http://kvs.pfr.com/snils-by-data/1.1.2" xmlns:smev="urn://x-artefacts-smev-gov-ru/supplementary/commons/1.0.1">' +
  '<smev:FamilyName>Иванов &amp; "сын" &lt;&gt;</smev:FamilyName><pfr:BirthDate>1980-01-01</pfr:BirthDate></pfr:SnilsByDataRequest>';

export const SIGNATURE =
  '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:Reference URI="#SIGNED_BY_CONSUMER"/></ds:SignedInfo>' +
  '<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>';

export const id = (): string => generateMessageId();

export function ns(version: SmevVersion): { types: string; basic: string; faults: string } {
  const base = 'urn://x-artefacts-smev-gov-ru/services/message-exchange/types';
  return { types: `${base}/${version}`, basic: `${base}/basic/${version}`, faults: `${base}/faults/${version}` };
}

/** Runs fn and returns what it threw. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
