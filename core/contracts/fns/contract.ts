import { defineContract } from '../define-contract.ts';

/** Tax service: income by paying agent, month and income code, modelled on the 2-NDFL service. */
export const fnsContract = defineContract({
  agency: 'fns',
  name: 'Federal Tax Service (income, 2-NDFL)',
  nameRu: 'Федеральная налоговая служба',
  version: '1.0.0',
  kind: 'income',
  serviceStem: 'FnsIncome',
  operations: [
    {
      name: 'GetIncome',
      requestRoot: 'IncomeRequest',
      responseRoot: 'IncomeResponse',
      // The real service answers "no data" with processing code 01 rather than an element of its own.
      noDataElement: 'ProcessingCode',
    },
  ],
  processingCodes: [
    { code: '01', meaning: 'not-found', description: 'No income data for the person' },
    { code: '52', meaning: 'not-ready', description: 'The answer is not ready yet: ask again later' },
    { code: '99', meaning: 'system-error', description: 'System error at the tax service' },
  ],
  moduleUrl: import.meta.url,
});
