import { defineContract } from '../define-contract.ts';

/** Interior ministry: permanent and temporary residence registrations. */
export const mvdContract = defineContract({
  agency: 'mvd',
  name: 'Ministry of Internal Affairs (residence registration)',
  nameRu: 'МВД России (регистрационный учёт)',
  version: '1.0.0',
  kind: 'registration',
  serviceStem: 'MvdRegistration',
  operations: [
    {
      name: 'GetRegistration',
      requestRoot: 'RegistrationRequest',
      responseRoot: 'RegistrationResponse',
      noDataElement: 'NotFoundRegistration',
    },
  ],
  moduleUrl: import.meta.url,
});
