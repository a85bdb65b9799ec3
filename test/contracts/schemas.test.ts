import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACTS, loadXsdValidator } from '../../core/contracts/index.ts';
import { isKitError } from '../../core/errors/index.ts';
import { descendantElements, parseXml } from '../../core/xml/index.ts';

const XSD = 'http://www.w3.org/2001/XMLSchema';

function globalElements(xsdPath: string): { targetNamespace: string; names: string[] } {
  const schema = parseXml(readFileSync(xsdPath, 'utf8')).documentElement;
  const names = Array.from(schema.childNodes)
    .filter((node): node is Element => node.nodeType === 1)
    .filter((element) => element.namespaceURI === XSD && element.localName === 'element')
    .map((element) => element.getAttribute('name') ?? '');
  return { targetNamespace: schema.getAttribute('targetNamespace') ?? '', names };
}

describe('agency XSD schemas', () => {
  it.each(CONTRACTS.map((contract) => [contract.agency, contract] as const))('%s schema compiles', (_agency, contract) => {
    expect(() => loadXsdValidator(contract.files.xsdPath)).not.toThrow();
  });

  it.each(CONTRACTS.map((contract) => [contract.agency, contract] as const))(
    '%s schema declares every root its contract names, in the contract namespace with the version in it',
    (_agency, contract) => {
      const { targetNamespace, names } = globalElements(contract.files.xsdPath);
      expect(targetNamespace).toBe(contract.namespace);
      expect(targetNamespace.endsWith(`/${contract.version}`)).toBe(true);
      const roots = contract.operations.flatMap((operation) => [operation.requestRoot, operation.responseRoot]);
      expect(names.sort()).toEqual([...roots].sort());
    },
  );

  it('every schema restricts SNILS to the NNN-NNN-NNN NN pattern and money to two fraction digits', () => {
    for (const contract of CONTRACTS) {
      const schema = parseXml(readFileSync(contract.files.xsdPath, 'utf8')).documentElement;
      const patterns = descendantElements(schema)
        .filter((element) => element.localName === 'pattern')
        .map((element) => element.getAttribute('value'));
      expect(patterns, contract.agency).toContain('\\d{3}-\\d{3}-\\d{3} \\d{2}');
      const money = descendantElements(schema).find(
        (element) => element.localName === 'simpleType' && element.getAttribute('name') === 'MoneyType',
      );
      if (money) {
        const fraction = descendantElements(money).find((element) => element.localName === 'fractionDigits');
        expect(fraction?.getAttribute('value'), contract.agency).toBe('2');
      }
    }
  });

  it('a schema that does not compile is refused with ERR_CONFIG_INVALID naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contracts-'));
    const path = join(dir, 'broken.xsd');
    writeFileSync(path, `<xs:schema xmlns:xs="${XSD}"><xs:element name="a" type="NoSuchType"/></xs:schema>`);
    let thrown: unknown;
    try {
      loadXsdValidator(path);
    } catch (error) {
      thrown = error;
    }
    expect(isKitError(thrown, 'ERR_CONFIG_INVALID')).toBe(true);
    expect((thrown as Error).message).toContain('broken.xsd');
  });

  it('a missing schema file is refused with ERR_CONFIG_INVALID', () => {
    expect(() => loadXsdValidator('/nonexistent/agency.xsd')).toThrow(/Cannot read XSD/);
  });
});
