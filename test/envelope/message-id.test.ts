import { describe, expect, it } from 'vitest';
import { isKitError } from '../../core/errors/index.ts';
import { assertMessageId, generateMessageId, isMessageIdV1, messageIdTimestamp } from '../../core/smev/envelope/index.ts';

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('generateMessageId', () => {
  it('produces a lowercase RFC 4122 version-1 UUID', () => {
    const id = generateMessageId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isMessageIdV1(id)).toBe(true);
  });

  it('sets the multicast bit of the random node', () => {
    const node = generateMessageId().slice(24, 26);
    expect(Number.parseInt(node, 16) & 0x01).toBe(1);
  });

  it('round-trips the timestamp to the millisecond', () => {
    const at = new Date('2024-05-20T07:52:37.123Z');
    expect(messageIdTimestamp(generateMessageId(at)).toISOString()).toBe(at.toISOString());
    const old = new Date('1999-12-31T23:59:59.999Z');
    expect(messageIdTimestamp(generateMessageId(old)).toISOString()).toBe(old.toISOString());
  });

  it('gives 10,000 unique, strictly increasing ids within the same millisecond', () => {
    const now = new Date();
    const ids = Array.from({ length: 10_000 }, () => generateMessageId(now));
    expect(new Set(ids).size).toBe(10_000);
    const ticks = ids.map((id) => {
      const [low = '', mid = '', hi = ''] = id.split('-');
      return (BigInt(`0x${hi}`) & 0x0fffn) << 48n | BigInt(`0x${mid}`) << 32n | BigInt(`0x${low}`);
    });
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]! > ticks[i - 1]!).toBe(true);
  });

  it('stays unique when the clock goes backwards', () => {
    const a = generateMessageId(new Date('2030-01-01T00:00:00Z'));
    const b = generateMessageId(new Date('2030-01-01T00:00:00Z'));
    const c = generateMessageId(new Date('2020-01-01T00:00:00Z'));
    expect(new Set([a, b, c]).size).toBe(3);
    expect(messageIdTimestamp(c).toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('assertMessageId', () => {
  it('rejects a version-4 UUID naming the version', () => {
    const e = errorOf(() => assertMessageId('3f2b8c1e-9a4d-4c2b-8e1f-0a1b2c3d4e5f'));
    expect(isKitError(e, 'ERR_MESSAGE_ID_INVALID')).toBe(true);
    expect((e as Error).message).toMatch(/version-1.*got version 4/);
  });

  it('rejects uppercase hex saying it must be lowercase', () => {
    const e = errorOf(() => assertMessageId('C0057860-EA60-11F1-9076-B3AAB8BAA93F'));
    expect((e as Error).message).toMatch(/lowercase/);
  });

  it('rejects garbage of the right length as a format problem', () => {
    const e = errorOf(() => assertMessageId('ZZZZZZZZ-EA60-11F1-9076-B3AAB8BAA93F'));
    expect(isKitError(e, 'ERR_MESSAGE_ID_INVALID')).toBe(true);
    expect((e as Error).message).toMatch(/UUID format/);
  });

  it('rejects a wrong length naming both lengths', () => {
    const e = errorOf(() => assertMessageId('c0057860-ea60-11f1-9076-b3aab8baa93'));
    expect((e as Error).message).toMatch(/36 characters.*got 35/);
  });

  it('rejects a non-RFC 4122 variant', () => {
    const e = errorOf(() => assertMessageId('c0057860-ea60-11f1-c076-b3aab8baa93f'));
    expect((e as Error).message).toMatch(/variant/);
  });

  it('accepts a generated id and refuses non-strings', () => {
    expect(() => assertMessageId(generateMessageId())).not.toThrow();
    expect(isMessageIdV1(42)).toBe(false);
  });
});
