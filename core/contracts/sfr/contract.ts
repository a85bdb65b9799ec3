import { defineContract } from '../define-contract.ts';

/** Pension fund: pensions and payments for a period, and the national social-benefits register it runs. */
export const sfrContract = defineContract({
  agency: 'sfr',
  name: 'Social Fund of Russia (pensions, payments, assigned benefits)',
  nameRu: 'Социальный фонд России',
  version: '1.0.0',
  kind: 'payments',
  serviceStem: 'SfrPayments',
  operations: [
    {
      name: 'GetPensionsAndPayments',
      requestRoot: 'PensionsAndPaymentsRequest',
      responseRoot: 'PensionsAndPaymentsResponse',
      noDataElement: 'NotFound',
    },
    {
      name: 'GetAssignedBenefits',
      requestRoot: 'AssignedBenefitsRequest',
      responseRoot: 'AssignedBenefitsResponse',
      noDataElement: 'NotFound',
    },
  ],
  moduleUrl: import.meta.url,
});
