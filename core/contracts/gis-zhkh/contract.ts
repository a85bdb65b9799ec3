import { defineContract } from '../define-contract.ts';

/** Housing and utilities system: accounts with monthly per-service accruals, payments and debt. */
export const gisZhkhContract = defineContract({
  agency: 'gis-zhkh',
  name: 'State Information System of Housing and Utilities',
  nameRu: 'ГИС ЖКХ',
  version: '1.0.0',
  kind: 'accruals',
  serviceStem: 'GisZhkhAccruals',
  operations: [
    {
      name: 'GetUtilityAccruals',
      requestRoot: 'UtilityAccrualsRequest',
      responseRoot: 'UtilityAccrualsResponse',
      noDataElement: 'NotFound',
    },
  ],
  moduleUrl: import.meta.url,
});
