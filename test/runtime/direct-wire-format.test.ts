/** core/direct-soap on its own: kit fault details satisfy kit-direct.xsd, and answers are read back as built. */
import { describe, expect, it } from 'vitest';
import { loadXsdValidator } from '../../core/contracts/index.ts';
import { KIT_DIRECT_XSD_PATH, buildInvalidContentFault, buildRequestRejectedFault, buildRequestStatusFault, parseDirectAnswer } from '../../core/direct-soap/index.ts';
import { childElements, parseXml } from '../../core/xml/index.ts';
import { XMLSerializer } from '@xmldom/xmldom';
import { parseStartAllEnv } from '../../simulators/runtime/start-all-config.ts';

function detailOf(xml: string): string {
  const fault = childElements(childElements(parseXml(xml).documentElement)[1]!)[0]!;
  const detail = childElements(fault).find((el) => el.localName === 'detail')!;
  return new XMLSerializer().serializeToString(childElements(detail)[0]!);
}

describe('kit fault details', () => {
  const kit = loadXsdValidator(KIT_DIRECT_XSD_PATH);

  it('satisfy kit-direct.xsd', () => {
    for (const xml of [
      buildRequestRejectedFault({ code: 'NO_DATA', description: 'nothing' }),
      buildRequestStatusFault({ description: 'later', retryAfterMs: 1500 }),
      buildInvalidContentFault({ problems: [{ message: 'bad date', line: 3 }, { message: 'missing Person' }] }),
    ]) {
      expect(kit.validate(detailOf(xml))).toEqual({ valid: true });
    }
  });

  it('read back as the answers they carry', () => {
    const status = parseDirectAnswer(buildRequestStatusFault({ description: 'later', retryAfterMs: 1500 }));
    expect(status).toMatchObject({ kind: 'answer', retryAfterMs: 1500, answer: { kind: 'status', code: 102 } });
    const invalid = parseDirectAnswer(buildInvalidContentFault({ problems: [{ message: 'bad date', line: 3 }] }));
    expect(invalid).toMatchObject({ kind: 'fault', fault: { kind: 'invalid-content', problems: [{ message: 'bad date', line: 3 }] } });
  });

  it('refuse a RequestRejected with an unknown code', () => {
    const xml = buildRequestRejectedFault({ code: 'NO_DATA', description: 'x' }).replace('>NO_DATA<', '>MAYBE<');
    expect(() => parseDirectAnswer(xml)).toThrow(/not a RequestRejected code/);
  });
});

describe('npm run simulators configuration', () => {
  it('has defaults for every variable and rejects a bad port', () => {
    expect(parseStartAllEnv({})).toMatchObject({ SIMULATORS_HOST: '127.0.0.1', SIMULATORS_BASE_PORT: 7101, PERSONAS_DIR: 'fixtures/personas' });
    expect(() => parseStartAllEnv({ SIMULATORS_BASE_PORT: 'abc' })).toThrow(/SIMULATORS_BASE_PORT/);
  });
});
