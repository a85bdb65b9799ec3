import { defineContract } from '../define-contract.ts';

/** Civil registry: birth and death act records. */
export const zagsContract = defineContract({
  agency: 'zags',
  name: 'Unified State Register of Civil Status Records',
  nameRu: 'ЕГР ЗАГС',
  version: '1.0.0',
  kind: 'civil-records',
  serviceStem: 'ZagsCivilRecords',
  operations: [
    {
      name: 'GetBirthRecords',
      requestRoot: 'BirthRecordsRequest',
      responseRoot: 'BirthRecordsResponse',
      noDataElement: 'NotFound',
    },
    {
      name: 'GetDeathRecords',
      requestRoot: 'DeathRecordsRequest',
      responseRoot: 'DeathRecordsResponse',
      noDataElement: 'NotFound',
    },
  ],
  moduleUrl: import.meta.url,
});
