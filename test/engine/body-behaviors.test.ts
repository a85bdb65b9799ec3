import { describe, expect, it } from 'vitest';
import { applyBehaviors, corruptSignature, dripChunks, hasSignatureValue, httpFailureFor, truncateBody } from '../../simulators/engine/body-behaviors.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array): string => new TextDecoder().decode(data);
const SIGNED = '<Envelope><ds:Signature><ds:SignatureValue>QUJDREVGR0hJSktM</ds:SignatureValue></ds:Signature><Body/></Envelope>';

describe('truncateBody', () => {
  it('keeps the leading fraction of the bytes and never the whole body', () => {
    expect(text(truncateBody(bytes('0123456789'), 0.3))).toBe('012');
    expect(truncateBody(bytes('0123456789'), 0.999)).toHaveLength(9);
  });
});

describe('dripChunks', () => {
  it('splits the body into chunks of at most chunkSize bytes', () => {
    expect(dripChunks(bytes('abcdefg'), 3).map(text)).toEqual(['abc', 'def', 'g']);
    expect(dripChunks(bytes(''), 3)).toHaveLength(1);
  });
});

describe('corruptSignature', () => {
  it('changes one character of the SignatureValue and nothing else', () => {
    const spoiled = text(corruptSignature(bytes(SIGNED)));
    expect(spoiled).not.toBe(SIGNED);
    expect(spoiled.length).toBe(SIGNED.length);
    expect(spoiled.replace(/<ds:SignatureValue>[^<]*/, '')).toBe(SIGNED.replace(/<ds:SignatureValue>[^<]*/, ''));
    expect(hasSignatureValue(spoiled)).toBe(true);
  });

  it('leaves a body without a signature unchanged', () => {
    expect(text(corruptSignature(bytes('<a/>')))).toBe('<a/>');
  });
});

describe('applyBehaviors', () => {
  it('runs the behaviors in order and drips the result with delays between chunks', () => {
    const chunks = applyBehaviors(bytes('0123456789'), [{ kind: 'truncate', fraction: 0.5 }, { kind: 'drip', chunkSize: 2, delayMs: 40 }]);
    expect(chunks.map((c) => [c.delayBeforeMs, text(c.bytes)])).toEqual([[0, '01'], [40, '23'], [40, '4']]);
  });

  it('returns the body as one immediate chunk when there are no behaviors', () => {
    expect(applyBehaviors(bytes('ok'), []).map((c) => [c.delayBeforeMs, text(c.bytes)])).toEqual([[0, 'ok']]);
  });
});

describe('httpFailureFor', () => {
  it('gives 503 with Retry-After for maintenance and the configured status for http-status', () => {
    expect(httpFailureFor({ type: 'maintenance', retryAfterSeconds: 60 })).toMatchObject({ status: 503, headers: { 'retry-after': '60' } });
    expect(httpFailureFor({ type: 'http-status', status: 500 })?.status).toBe(500);
    expect(httpFailureFor({ type: 'connection-reset' })).toBeUndefined();
  });
});
