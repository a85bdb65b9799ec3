import { describe, expect, it } from 'vitest';
import { mvdRegistrationAdapter } from '../../adapters/index.ts';
import { expectBadResponse, expectFacts, fixture, provenance, read } from './_support.ts';

const registrations = fixture('mvd/registration-response.xml');

describe('the residence registration adapter', () => {
  it('normalizes the sample answer into permanent and temporary residence facts', () => {
    expect(expectFacts(read(mvdRegistrationAdapter, registrations))).toEqual({
      residence: [
        {
          data: {
            kind: 'permanent',
            address: {
              fullText: '628011, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Мира, д. 10, кв. 5',
              regionCode: '86',
              fiasGuid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
            },
            since: '2012-07-01',
          },
          provenance: provenance('mvd'),
        },
        {
          data: {
            kind: 'temporary',
            address: {
              fullText: '625000, Тюменская обл., г. Тюмень, ул. Республики, д. 1, кв. 2',
              regionCode: '72',
              fiasGuid: '0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e',
            },
            since: '2025-09-01',
            until: '2026-06-30',
          },
          provenance: provenance('mvd'),
        },
      ],
    });
  });

  it('lower-cases a GUID and drops one the facts model would refuse rather than failing the answer', () => {
    const upper = registrations.replace('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', '9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D');
    expect(expectFacts(read(mvdRegistrationAdapter, upper)).residence?.[0]?.data.address.fiasGuid).toBe('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
    const nonRfc = registrations.replace('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', '9a8b7c6d-5e4f-0a3b-0c2d-1e0f9a8b7c6d');
    expect(expectFacts(read(mvdRegistrationAdapter, nonRfc)).residence?.[0]?.data.address).not.toHaveProperty('fiasGuid');
  });

  it('maps NotFoundRegistration to no-data', () => {
    expect(read(mvdRegistrationAdapter, fixture('mvd/registration-response-not-found.xml')).kind).toBe('no-data');
  });

  it('refuses a registration that ends before it starts, or a bad region code', () => {
    expectBadResponse(read(mvdRegistrationAdapter, registrations.replace('2026-06-30', '2024-06-30')), 'Registration[2]', /To 2024-06-30 is before From/);
    expectBadResponse(read(mvdRegistrationAdapter, registrations.replace('<RegionCode>86</RegionCode>', '<RegionCode>8</RegionCode>')), /RegionCode/);
  });
});
