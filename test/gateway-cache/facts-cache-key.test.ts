import { describe, expect, it } from 'vitest';
import { factsCacheKey } from '../../gateway/cache/index.ts';

const base = {
  agency: 'fns' as const,
  operation: 'GetIncome',
  subject: { snils: '112-233-445 95', name: { family: 'Петрова', first: 'Алёна', patronymic: 'Сергеевна' }, birthDate: '1985-03-20' },
  period: { from: '2026-01-01', to: '2026-03-31' },
};

describe('the facts cache key', () => {
  it('is the same for two spellings of one request and never contains the SNILS or the name', () => {
    const key = factsCacheKey(base);
    const respelled = factsCacheKey({
      ...base,
      subject: { birthDate: '1985-03-20', name: { first: ' алёна ', family: 'ПЕТРОВА', patronymic: 'Сергеевна' }, snils: '11223344595' },
    });
    expect(respelled).toBe(key);
    expect(key).toMatch(/^facts:v1:fns:GetIncome:[0-9a-f]{64}$/);
    expect(key).not.toMatch(/11223344595|112-233|Петрова|петрова/i);
  });

  it('differs when the person, the period, the date, the operation or the secret differ', () => {
    const key = factsCacheKey(base);
    const variants = [
      factsCacheKey({ ...base, subject: { ...base.subject, snils: '112-233-445 96' } }),
      factsCacheKey({ ...base, period: { from: '2026-01-01', to: '2026-04-30' } }),
      factsCacheKey({ ...base, asOf: '2026-05-01' }),
      factsCacheKey({ ...base, operation: 'GetIncomeDetailed' }),
      factsCacheKey(base, 'deployment-secret'),
    ];
    expect(new Set([key, ...variants]).size).toBe(6);
  });

  it('keeps the key that earlier versions wrote for a known request, so their cached entries are still found', () => {
    // Computed with the locale-aware toLocaleLowerCase('ru-RU') / toLocaleUpperCase('ru-RU') of the first version.
    const key = factsCacheKey({
      agency: 'fns',
      operation: 'GetIncome',
      subject: { snils: '112-233-445 95', name: { family: 'ПЕТРОВА', first: 'Алёна Ёжикова', patronymic: 'Сергеевна' }, birthDate: '1985-03-20', identityDocument: { kindCode: '21', series: '45 09', number: '12345б' } },
      period: { from: '2026-01-01', to: '2026-03-31' },
    });
    expect(key).toBe('facts:v1:fns:GetIncome:a5b364b1a25eddf9e403c6e2aecd228fa0106384d9f5913585d07ffdf5ee4107');
  });
});
