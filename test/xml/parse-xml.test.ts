import { describe, expect, it } from 'vitest';
import { parseXml } from '../../core/xml/index.ts';
import { isKitError } from '../../core/errors/index.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isKitError(error) ? error.code : 'not a KitError';
  }
  return undefined;
}

describe('parsing untrusted XML', () => {
  it('keeps namespaces and character references', () => {
    const doc = parseXml('<a xmlns="urn:x"><b>t&#13;x</b></a>');
    expect(doc.documentElement.namespaceURI).toBe('urn:x');
    expect(doc.documentElement.firstChild?.textContent).toBe('t\rx');
  });

  it('accepts a byte buffer with a UTF-8 byte order mark', () => {
    const doc = parseXml(Buffer.from('\ufeff<a>Иван</a>', 'utf8'));
    expect(doc.documentElement.textContent).toBe('Иван');
  });

  it('refuses a DOCTYPE so that no entity can be declared or expanded', () => {
    const billionLaughs = '<!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>';
    expect(codeOf(() => parseXml(billionLaughs))).toBe('ERR_XML_DOCTYPE_FORBIDDEN');
    expect(codeOf(() => parseXml('<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>'))).toBe('ERR_XML_DOCTYPE_FORBIDDEN');
  });

  it.each([
    ['an unclosed element', '<a><b></a>'],
    ['an undefined entity', '<a>&foo;</a>'],
    ['plain text', 'text'],
    ['two roots', '<a/><b/>'],
    ['a repeated attribute', '<a x="1" x="2"/>'],
    ['text after the root', '<a>x</a>trailing'],
    ['an undeclared element prefix', '<a><q:b/></a>'],
    ['an undeclared attribute prefix', '<a q:x="1"/>'],
    ['an empty document', '   '],
  ])('refuses %s as malformed', (_what, xml) => {
    expect(codeOf(() => parseXml(xml))).toBe('ERR_XML_MALFORMED');
  });

  it('refuses a document over the size limit before parsing it', () => {
    expect(codeOf(() => parseXml(`<a>${'x'.repeat(2000)}</a>`, { maxBytes: 1000, maxDepth: 10 }))).toBe('ERR_XML_TOO_LARGE');
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = '<a>'.repeat(5000) + '</a>'.repeat(5000);
    expect(codeOf(() => parseXml(deep, { maxBytes: 1e6, maxDepth: 100 }))).toBe('ERR_XML_TOO_DEEP');
  });
});
