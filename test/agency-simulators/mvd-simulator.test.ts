import { describe, expect, it } from 'vitest';
import { mvdContract } from '../../core/contracts/index.ts';
import { mvdSimulator } from '../../simulators/mvd/index.ts';
import { all, ask, MOTHER_NAME, NOBODY_NAME, record } from './support.ts';

const NS = mvdContract.namespace;
const request = (options: { name?: string; birthDate?: string; series?: string; number?: string; onDate?: string } = {}): string =>
  `<RegistrationRequest xmlns="${NS}"><RequestId>mvd-1</RequestId>${options.name ?? MOTHER_NAME}<BirthDate>${options.birthDate ?? '1988-04-12'}</BirthDate>` +
  `<Passport><Series>${options.series ?? '6710'}</Series><Number>${options.number ?? '123456'}</Number></Passport>${options.onDate === undefined ? '' : `<OnDate>${options.onDate}</OnDate>`}</RegistrationRequest>`;

describe('the residence registration simulator', () => {
  it('answers every registration with kind, region code and address when the request names no date', () => {
    const { root, match } = ask(mvdSimulator, 'GetRegistration', request());
    expect(match?.member.key).toBe('mother');
    expect(all(root, NS, 'Registration').map(record)).toEqual([
      { Kind: 'permanent', FullAddress: 'г. Сургут, ул. Старая, д. 1', RegionCode: '86', From: '2005-01-01', To: '2012-06-30' },
      { Kind: 'permanent', FullAddress: '628011, ХМАО-Югра, г. Ханты-Мансийск, ул. Мира, д. 10, кв. 5', RegionCode: '86', FiasGuid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', From: '2012-07-01' },
      { Kind: 'temporary', FullAddress: '625000, г. Тюмень, ул. Республики, д. 1, кв. 2', RegionCode: '72', From: '2025-09-01', To: '2026-06-30' },
    ]);
  });

  it('keeps only the registrations valid on the requested date', () => {
    const current = ask(mvdSimulator, 'GetRegistration', request({ onDate: '2026-01-15' }));
    expect(all(current.root, NS, 'Kind').map((el) => el.textContent)).toEqual(['permanent', 'temporary']);
    const past = ask(mvdSimulator, 'GetRegistration', request({ onDate: '2012-06-30' }));
    expect(all(past.root, NS, 'FullAddress').map((el) => el.textContent)).toEqual(['г. Сургут, ул. Старая, д. 1']);
  });

  it('answers NotFoundRegistration when nothing was valid on the date', () => {
    const { root } = ask(mvdSimulator, 'GetRegistration', request({ onDate: '2000-01-01' }));
    expect(all(root, NS, 'NotFoundRegistration')).toHaveLength(1);
  });

  it('answers NotFoundRegistration when the passport matches nobody', () => {
    const { root, match } = ask(mvdSimulator, 'GetRegistration', request({ name: NOBODY_NAME, series: '0000', number: '000000' }));
    expect(match).toBeUndefined();
    expect(all(root, NS, 'NotFoundRegistration')).toHaveLength(1);
  });
});
