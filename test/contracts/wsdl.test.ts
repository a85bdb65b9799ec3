import { readFileSync } from 'node:fs';
import soap from 'soap';
import { describe, expect, it } from 'vitest';
import { CONTRACTS, type AgencyContract } from '../../core/contracts/index.ts';
import { childrenNamed, descendantElements, parseXml } from '../../core/xml/index.ts';

const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const SOAP11 = 'http://schemas.xmlsoap.org/wsdl/soap/';
const XSD = 'http://www.w3.org/2001/XMLSchema';

const byAgency = CONTRACTS.map((contract) => [contract.agency, contract] as const);

/** Resolves a QName attribute value ("p:IncomeRequest") against the namespaces in scope on its element. */
function resolveQName(element: Element, value: string): { namespace: string; localName: string } {
  const [prefix, localName] = value.includes(':') ? (value.split(':') as [string, string]) : [null, value];
  return { namespace: element.lookupNamespaceURI(prefix) ?? '', localName };
}

function globalElementNames(contract: AgencyContract): Set<string> {
  const schema = parseXml(readFileSync(contract.files.xsdPath, 'utf8')).documentElement;
  return new Set(childrenNamed(schema, XSD, 'element').map((element) => element.getAttribute('name') ?? ''));
}

describe('agency WSDLs', () => {
  it.each(byAgency)('%s WSDL parses and imports its XSD by the file name the server must serve', (_agency, contract) => {
    const definitions = parseXml(readFileSync(contract.files.wsdlPath, 'utf8')).documentElement;
    expect(definitions.namespaceURI).toBe(WSDL);
    expect(definitions.getAttribute('targetNamespace')).toBe(contract.wsdlNamespace);
    const imports = descendantElements(definitions).filter(
      (element) => element.namespaceURI === XSD && element.localName === 'import',
    );
    expect(imports.map((element) => [element.getAttribute('namespace'), element.getAttribute('schemaLocation')])).toEqual([
      [contract.namespace, contract.files.xsdFileName],
    ]);
  });

  it.each(byAgency)('%s WSDL message parts name elements that exist in its XSD', (_agency, contract) => {
    const definitions = parseXml(readFileSync(contract.files.wsdlPath, 'utf8')).documentElement;
    const declared = globalElementNames(contract);
    const parts = descendantElements(definitions).filter(
      (element) => element.namespaceURI === WSDL && element.localName === 'part',
    );
    expect(parts.length).toBe(contract.operations.length * 2);
    for (const part of parts) {
      const name = resolveQName(part, part.getAttribute('element') ?? '');
      expect(name.namespace).toBe(contract.namespace);
      expect(declared.has(name.localName), `${name.localName} declared in ${contract.files.xsdFileName}`).toBe(true);
    }
  });

  it.each(byAgency)('%s WSDL binding is SOAP 1.1 document/literal with the contract operations and soapActions', (_agency, contract) => {
    const definitions = parseXml(readFileSync(contract.files.wsdlPath, 'utf8')).documentElement;
    const binding = childrenNamed(definitions, WSDL, 'binding')[0];
    expect(binding).toBeDefined();
    if (!binding) return;
    const soapBinding = childrenNamed(binding, SOAP11, 'binding')[0];
    expect(soapBinding?.getAttribute('style')).toBe('document');
    expect(soapBinding?.getAttribute('transport')).toBe('http://schemas.xmlsoap.org/soap/http');
    const operations = childrenNamed(binding, WSDL, 'operation').map((operation) => ({
      name: operation.getAttribute('name'),
      soapAction: childrenNamed(operation, SOAP11, 'operation')[0]?.getAttribute('soapAction'),
      uses: descendantElements(operation)
        .filter((element) => element.namespaceURI === SOAP11 && element.localName === 'body')
        .map((body) => body.getAttribute('use')),
    }));
    expect(operations).toEqual(
      contract.operations.map((operation) => ({ name: operation.name, soapAction: operation.soapAction, uses: ['literal', 'literal'] })),
    );
    // Each operation's input/output messages carry the contract's request/response roots.
    const messages = new Map(
      childrenNamed(definitions, WSDL, 'message').map((message) => [
        message.getAttribute('name'),
        resolveQName(childrenNamed(message, WSDL, 'part')[0] as Element, childrenNamed(message, WSDL, 'part')[0]?.getAttribute('element') ?? '').localName,
      ]),
    );
    const portType = childrenNamed(definitions, WSDL, 'portType')[0] as Element;
    for (const operation of contract.operations) {
      const declared = childrenNamed(portType, WSDL, 'operation').find((element) => element.getAttribute('name') === operation.name);
      const input = childrenNamed(declared as Element, WSDL, 'input')[0]?.getAttribute('message')?.split(':')[1];
      const output = childrenNamed(declared as Element, WSDL, 'output')[0]?.getAttribute('message')?.split(':')[1];
      expect(messages.get(input ?? null)).toBe(operation.requestRoot);
      expect(messages.get(output ?? null)).toBe(operation.responseRoot);
    }
    const service = childrenNamed(definitions, WSDL, 'service')[0];
    expect(service?.getAttribute('name')).toBe(contract.serviceName);
    expect(childrenNamed(service as Element, WSDL, 'port')[0]?.getAttribute('name')).toBe(contract.portName);
  });

  it.each(byAgency)('node-soap builds a %s client from the WSDL file, following the XSD import', async (_agency, contract) => {
    const client = await soap.createClientAsync(contract.files.wsdlPath);
    const description = client.describe() as Record<string, Record<string, Record<string, { input: unknown }>>>;
    const port = description[contract.serviceName]?.[contract.portName];
    expect(Object.keys(port ?? {})).toEqual(contract.operations.map((operation) => operation.name));
    // The request shape comes from the imported XSD, so its presence proves the import was followed.
    const first = contract.operations[0];
    expect(first).toBeDefined();
    expect(JSON.stringify(port?.[first?.name ?? '']?.input)).toContain('RequestId');
  });
});
