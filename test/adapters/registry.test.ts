import { describe, expect, it } from 'vitest';
import { messageTypeKey } from '../../core/adapter/index.ts';
import { CONTRACTS } from '../../core/contracts/index.ts';
import { FACT_GROUPS } from '../../core/facts/index.ts';
import {
  ADAPTERS,
  adapterForMessageType,
  adaptersForAgency,
  adaptersForGroup,
  fnsIncomeAdapter,
  zagsBirthsAdapter,
} from '../../adapters/index.ts';

describe('the adapter registry', () => {
  it('has one adapter for every operation of every contract', () => {
    const operations = CONTRACTS.flatMap((contract) => contract.operations.map((op) => `{${contract.namespace}}${op.requestRoot}`));
    expect(ADAPTERS.map((adapter) => messageTypeKey(adapter.messageType)).sort()).toEqual(operations.sort());
  });

  it('routes every fact group except identity to exactly one adapter', () => {
    for (const group of FACT_GROUPS) {
      expect(adaptersForGroup(group).length, group).toBe(group === 'identity' ? 0 : 1);
    }
  });

  it('finds adapters by agency and by message type', () => {
    expect(adaptersForAgency('sfr').map((adapter) => adapter.factGroups[0])).toEqual(['pensions', 'assignedBenefits']);
    expect(adapterForMessageType(fnsIncomeAdapter.messageType)).toBe(fnsIncomeAdapter);
    expect(adapterForMessageType(messageTypeKey(zagsBirthsAdapter.messageType))).toBe(zagsBirthsAdapter);
    expect(adapterForMessageType('{urn://nowhere}Nothing')).toBeUndefined();
  });
});
