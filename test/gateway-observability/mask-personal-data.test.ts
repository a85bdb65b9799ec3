import { describe, expect, it } from 'vitest';
import { maskFreeText, maskPersonalData } from '../../gateway/observability/index.ts';

describe('maskPersonalData', () => {
  it('masks a SNILS field in every spelling down to its last two digits', () => {
    for (const snils of ['112-233-445 95', '11223344595', '112 233 445 95', '112-233-445-95', 11223344595]) {
      expect(maskPersonalData({ snils })).toEqual({ snils: '***-***-*** 95' });
    }
    expect(maskPersonalData({ SNILS: '112-233-445 95', applicant_snils: 'x' })).toMatchObject({ SNILS: '***-***-*** 95' });
  });

  it('masks INN, names to their first letter, birth dates and identity documents in known fields', () => {
    const masked = maskPersonalData({
      inn: '500100732259',
      familyName: 'Иванова',
      first_name: 'Мария',
      patronymic: 'Петровна',
      birthDate: '1990-05-17',
      document: { kindCode: '21', series: '4509', number: '123456', issueDate: '2010-01-01' },
    });
    expect(masked).toEqual({
      inn: '**********59',
      familyName: 'И***',
      first_name: 'М***',
      patronymic: 'П***',
      birthDate: '****-**-**',
      document: { kindCode: '21', series: '****', number: '****56', issueDate: '****01' },
    });
  });

  it('masks everything inside a subject, including the parts of a structured name, at any depth', () => {
    const input = {
      request: {
        subjects: [
          {
            subject: {
              snils: '112-233-445 95',
              name: { family: 'Иванова', first: 'Мария' },
              birthDate: '1990-05-17',
              gender: 'female',
            },
          },
        ],
      },
    };
    expect(maskPersonalData(input)).toEqual({
      request: {
        subjects: [{ subject: { snils: '***-***-*** 95', name: { family: 'И***', first: 'М***' }, birthDate: '****-**-**', gender: '***' } }],
      },
    });
  });

  it('masks SNILS, INN and passport numbers in free text anywhere, arrays included', () => {
    const masked = maskPersonalData({
      message: 'Нет данных по СНИЛС 112-233-445 95 (ИНН 7707083893)',
      faults: ['snils=11223344595;', 'паспорт 4509 123456'],
    });
    expect(masked).toEqual({
      message: 'Нет данных по СНИЛС ***-***-*** 95 (ИНН ********93)',
      faults: ['snils=***-***-*** 95;', 'паспорт **** ******'],
    });
  });

  it('leaves UUIDs, timestamps and ordinary numbers alone', () => {
    const value = { correlationId: '6f1c2a34-1b2c-4d5e-8f90-123456789012', took: 1234567890, msg: 'answered in 35 ms' };
    expect(maskPersonalData(value)).toEqual(value);
  });

  it('does not mutate its input', () => {
    const input = { subject: { snils: '112-233-445 95', name: { family: 'Иванова', first: 'Мария' } }, list: ['112-233-445 95'] };
    const copy = structuredClone(input);
    maskPersonalData(input);
    expect(input).toEqual(copy);
  });

  it('masks error messages and stacks and survives cycles', () => {
    const error = new Error('agency refused SNILS 112-233-445 95');
    const cyclic: Record<string, unknown> = { err: error };
    cyclic['self'] = cyclic;
    const masked = maskPersonalData(cyclic) as { err: { type: string; message: string; stack: string }; self: unknown };
    expect(masked.err.type).toBe('Error');
    expect(masked.err.message).toBe('agency refused SNILS ***-***-*** 95');
    expect(masked.err.stack).not.toContain('112-233-445');
    expect(masked.self).toBe('[Circular]');
  });

  it('is idempotent, so masking twice changes nothing', () => {
    const once = maskPersonalData({ snils: '11223344595', name: 'Иванова', inn: '7707083893', note: 'СНИЛС 112-233-445 95' });
    expect(maskPersonalData(once)).toEqual(once);
    expect(maskFreeText('***-***-*** 95')).toBe('***-***-*** 95');
  });
});
