import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../core/xml/index.ts';
import { smevTransform, smevTransformElement } from '../../core/smev/transform/index.ts';

const NAMESPACES = ['urn:a', 'urn:b', 'http://test/1', 'urn:x?q=1&r="2"', 'urn:Ж'];
const LOCAL_NAMES = ['a', 'b', 'B', 'k', 'Id', 'ä', 'имя'];
// Characters that exercise every escaping rule, blank-text dropping (≤ U+0020 vs NBSP) and UTF-8 output.
const CHARS = ['a', 'b', '1', ' ', '\t', '\n', '\r', '&', '<', '>', '"', "'", ']', '\u00a0', 'Ж', '😀'];

type Child = { kind: 'element'; value: Tree } | { kind: 'text' | 'cdata'; value: string };
interface Attribute {
  ns: number | null;
  local: string;
  value: string;
}
interface Tree {
  ns: number;
  prefix: '' | 'e' | 'f';
  local: string;
  attributes: Attribute[];
  children: Child[];
}

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 20 }) },
  // Long enough to cross the 512-unit segment boundary of Woodstox's long-text path.
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 500, maxLength: 1100 }) },
);
const attribute: fc.Arbitrary<Attribute> = fc.record({
  ns: fc.option(fc.nat(NAMESPACES.length - 1)),
  local: fc.constantFrom(...LOCAL_NAMES),
  value: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 }),
});

const { tree } = fc.letrec<{ tree: Tree; child: Child }>((tie) => ({
  tree: fc.record({
    ns: fc.nat(NAMESPACES.length - 1),
    prefix: fc.constantFrom<Tree['prefix']>('', 'e', 'f'),
    local: fc.constantFrom(...LOCAL_NAMES),
    attributes: fc.uniqueArray(attribute, { maxLength: 5, selector: (a) => `${a.ns}|${a.local}` }),
    children: fc.array(tie('child'), { maxLength: 4 }),
  }),
  child: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant<'text'>('text'), value: text }),
    fc.record({ kind: fc.constant<'cdata'>('cdata'), value: fc.string({ unit: fc.constantFrom('a', ' ', '<', '&', ']', '>'), maxLength: 8 }).filter((s) => !s.includes(']]>')) }),
    fc.record({ kind: fc.constant<'element'>('element'), value: tie('tree') }),
  ),
}));

const escapeSourceText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const escapeSourceAttribute = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/** Serialises a generated tree with deliberately redundant source declarations the transform must discard. */
function toXml(node: Tree): string {
  const name = node.prefix === '' ? node.local : `${node.prefix}:${node.local}`;
  const uri = escapeSourceAttribute(NAMESPACES[node.ns]!);
  let out = `<${name} ${node.prefix === '' ? 'xmlns' : `xmlns:${node.prefix}`}="${uri}"`;
  for (const [i, ns] of NAMESPACES.entries()) out += ` xmlns:p${i}="${escapeSourceAttribute(ns)}"`;
  for (const a of node.attributes) {
    out += ` ${a.ns === null ? '' : `p${a.ns}:`}${a.local}="${escapeSourceAttribute(a.value)}"`;
  }
  out += '>';
  for (const child of node.children) {
    if (child.kind === 'element') out += toXml(child.value);
    else if (child.kind === 'cdata') out += `<![CDATA[${child.value}]]>`;
    else out += escapeSourceText(child.value);
  }
  return `${out}</${name}>`;
}

describe('smevTransform properties', () => {
  it('writes well-formed XML that parseXml accepts, for random trees of qualified elements', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const out = smevTransform(toXml(root)).toString('utf8');
        expect(() => parseXml(out)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: transforming its own output gives the same bytes', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const once = smevTransform(toXml(root));
        expect(smevTransform(once).equals(once)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with smevTransformElement on the parsed root', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const xml = toXml(root);
        expect(smevTransformElement(parseXml(xml).documentElement)).toBe(smevTransform(xml).toString('utf8'));
      }),
      { numRuns: 200 },
    );
  });
});
