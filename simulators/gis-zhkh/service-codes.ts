/**
 * @module simulators/gis-zhkh/service-codes
 * Fixture vocabulary → contract vocabulary. The persona format says SEWERAGE where the contract says WASTEWATER,
 * and units are free text in fixtures ("м2", "Гкал") but an enumeration in the contract.
 */
import { KitError } from '../../core/errors/index.ts';
import type { PersonaAgencies } from '../engine/index.ts';

type FixtureServiceCode = NonNullable<PersonaAgencies['gis-zhkh']>['accounts'][number]['accruals'][number]['serviceCode'];
export type ContractServiceCode = Exclude<FixtureServiceCode, 'SEWERAGE'> | 'WASTEWATER';
export type ContractUnit = 'M2' | 'M3' | 'KWH' | 'GCAL' | 'PERSON' | 'ACCOUNT';

export function serviceCodeOf(code: FixtureServiceCode): ContractServiceCode {
  return code === 'SEWERAGE' ? 'WASTEWATER' : code;
}

// Keys are folded: lower case, ё as е, without spaces, dots and the separators written between "кВт" and "ч".
const UNITS: Readonly<Record<string, ContractUnit>> = {
  m2: 'M2', 'м2': 'M2', 'м²': 'M2', 'квм': 'M2',
  m3: 'M3', 'м3': 'M3', 'м³': 'M3', 'кубм': 'M3',
  kwh: 'KWH', 'квтч': 'KWH',
  gcal: 'GCAL', 'гкал': 'GCAL',
  person: 'PERSON', 'чел': 'PERSON', 'человек': 'PERSON',
  account: 'ACCOUNT', 'лс': 'ACCOUNT', 'лицевойсчет': 'ACCOUNT',
};

export function unitCodeOf(unit: string, where: string): ContractUnit {
  const folded = unit.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/[\s.·*/-]+/g, '');
  const code = UNITS[folded];
  if (code === undefined) {
    throw new KitError('ERR_CONFIG_INVALID', `${where}: unit "${unit}" has no code in the contract's UnitType (M2, M3, KWH, GCAL, PERSON, ACCOUNT)`, { path: where, unit });
  }
  return code;
}
