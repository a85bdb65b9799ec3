/**
 * @module simulators/gis-zhkh/house-match
 * Which of the applicant's accounts belong to the house the request names. GUIDs decide when both sides have
 * one; otherwise addresses are compared loosely, because the request names a house ("…, д. 10") while an account
 * names the premises in it ("…, д. 10, кв. 5"), and spelling varies (case, ё/е, spaces, punctuation).
 */

type Account = { readonly address: string; readonly fiasHouseGuid?: string | undefined };

function foldAddress(address: string): string {
  return address.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/[\s.,;]+/g, ' ').trim();
}

export function accountIsInHouse(account: Account, house: { fiasHouseGuid?: string; address?: string }): boolean {
  if (house.fiasHouseGuid !== undefined && account.fiasHouseGuid !== undefined) {
    return house.fiasHouseGuid.toLowerCase() === account.fiasHouseGuid.toLowerCase();
  }
  if (house.address === undefined) return false;
  const asked = foldAddress(house.address);
  const known = foldAddress(account.address);
  if (asked === '' || known === '') return false; // punctuation-only text names no house
  // Either may be the longer one: a house address inside a premises address, or the reverse when a client sends
  // the full premises address of an account whose fixture lists the house only.
  return known.startsWith(asked) || asked.startsWith(known);
}
