import { defineContract } from '../define-contract.ts';

/** Disability registry: the current disability extract for a SNILS. */
export const friContract = defineContract({
  agency: 'fri',
  name: 'Federal Register of Disabled Persons',
  nameRu: 'ФГИС «Федеральный реестр инвалидов»',
  version: '1.0.0',
  kind: 'disability',
  serviceStem: 'FriDisability',
  operations: [
    {
      name: 'GetDisability',
      requestRoot: 'DisabilityRequest',
      responseRoot: 'DisabilityResponse',
      noDataElement: 'NotRegistered',
    },
  ],
  moduleUrl: import.meta.url,
});
