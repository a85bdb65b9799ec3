/**
 * The fast digest path (SMEV transform straight from the DOM; exc-c14n without xml-crypto's clone; SignedInfo's
 * canonical form written from its template) against the reference path through xml-crypto, byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKitError } from '../../core/errors/index.ts';
import { parseXml } from '../../core/xml/index.ts';
import { fastPathApplies } from '../../core/smev/signature/fast-digest.ts';
import { prepare } from '../../core/smev/signature/sign-detached.ts';
import { exclusiveC14n, exclusiveC14nReference, referenceOctets } from '../../core/smev/signature/transform-chain.ts';
import { devProfile, gostProfile, signDetached, verifyDetached, type SignatureProfile } from '../../core/smev/signature/index.ts';
import { devOptions, ENVELOPE, TYPES_NS, trust } from './fixtures.ts';

const NAMESPACES = ['urn:a', 'urn:b', 'http://test/1', 'urn:x?q=1&amp;r=&quot;2&quot;', 'urn:Ж'];
const ELEMENT_PREFIXES = ['', 'a', 'p'] as const;
const ATTRIBUTE_PREFIXES = ['a', 'q', 'r'] as const;
const LOCAL_NAMES = ['a', 'b', 'B', 'k', 'ä', 'имя'];
// Source text fragments, already written as XML: raw characters, references (CR only reachable as `&#13;`),
// `>` and `]]>` (as `]]&gt;`), whitespace runs and characters beyond ASCII.
const TEXT_UNITS = ['a', 'b', '1', ' ', '  ', '\t', '\n', '&#13;', '&#13;&#10;', '&amp;', '&lt;', '>', ']]&gt;', ']', '"', "'", '\u00a0', 'Ж', '😀'];
const ATTRIBUTE_UNITS = ['a', ' ', '\t', '\n', '&#9;', '&#10;', '&#13;', '&amp;', '&lt;', '>', '&quot;', "'", 'Ж'];
const CDATA_UNITS = ['a', ' ', '\n', '<', '&', '>', ']', ']]', 'Ж'];

type Child =
  | { kind: 'element'; value: Tree }
  | { kind: 'text'; value: string }
  | { kind: 'cdata'; value: string }
  | { kind: 'comment'; value: string }
  | { kind: 'pi'; value: string }
  | { kind: 'nel' };
interface Attribute {
  /** null: unqualified. */
  readonly prefix: (typeof ATTRIBUTE_PREFIXES)[number] | 'own' | null;
  readonly ns: number;
  readonly local: string;
  readonly value: string;
}
interface Tree {
  readonly prefix: (typeof ELEMENT_PREFIXES)[number];
  /** -1: no namespace (xmlns="" when unprefixed). */
  readonly ns: number;
  readonly local: string;
  /** Declare the element's binding here even if the same one is in scope already. */
  readonly redeclare: boolean;
  /** An unused declaration, which exc-c14n and the transform must both drop. */
  readonly unused: number | null;
  readonly attributes: Attribute[];
  readonly children: Child[];
}

const textValue = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...TEXT_UNITS), { maxLength: 12 }).map((u) => u.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n  ', '\t', '&#13;', ' &#13;\n') },
  // Past the 512-unit segment boundary of Woodstox's long-text path.
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TEXT_UNITS), { minLength: 300, maxLength: 700 }).map((u) => u.join('')) },
);

const attribute: fc.Arbitrary<Attribute> = fc.record({
  prefix: fc.constantFrom<Attribute['prefix']>(null, null, 'own', ...ATTRIBUTE_PREFIXES),
  ns: fc.nat(NAMESPACES.length - 1),
  local: fc.constantFrom(...LOCAL_NAMES),
  value: fc.array(fc.constantFrom(...ATTRIBUTE_UNITS), { maxLength: 8 }).map((u) => u.join('')),
});

const { tree } = fc.letrec<{ tree: Tree; child: Child }>((tie) => ({
  tree: fc.record({
    prefix: fc.constantFrom(...ELEMENT_PREFIXES),
    ns: fc.oneof({ weight: 30, arbitrary: fc.nat(NAMESPACES.length - 1) }, { weight: 1, arbitrary: fc.constant(-1) }),
    local: fc.constantFrom(...LOCAL_NAMES),
    redeclare: fc.boolean(),
    unused: fc.option(fc.nat(NAMESPACES.length - 1)),
    attributes: fc.array(attribute, { maxLength: 4 }),
    children: fc.array(tie('child') as fc.Arbitrary<Child>, { maxLength: 5 }),
  }),
  child: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: textValue.map((value) => ({ kind: 'text' as const, value })) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...CDATA_UNITS), { maxLength: 8 }).map((u) => u.join('')).filter((v) => !v.includes(']]>')).map((value) => ({ kind: 'cdata' as const, value })) },
    { weight: 1, arbitrary: fc.constantFrom('', ' c ', 'x<y&z', '>').map((value) => ({ kind: 'comment' as const, value })) },
    { weight: 1, arbitrary: fc.constantFrom('', 'data', ' d & < > ').map((value) => ({ kind: 'pi' as const, value })) },
    // U+0085 through a reference, which xmldom reads back as LF after exc-c14n wrote it raw.
    { weight: 1, arbitrary: fc.constant({ kind: 'nel' as const }) },
    // Last: at the depth limit fast-check picks the first alternative, which must not recurse.
    { weight: 3, arbitrary: tie('tree').map((value) => ({ kind: 'element' as const, value: value as Tree })) },
  ),
}));

interface Flags {
  pi: boolean;
  nel: boolean;
  /** A namespace URI holding `&` or `"` is in use (exc-c14n writes declarations unescaped). */
  badUri: boolean;
}
const BAD_URI = NAMESPACES[3]!;

/** Serializes a tree with a correct declaration for every binding it uses, given the bindings in scope. */
function write(node: Tree, scope: ReadonlyMap<string, string>, target: boolean, flags: Flags): string {
  const inner = new Map(scope);
  const declarations: string[] = [];
  const bind = (prefix: string, uri: string, force: boolean): void => {
    if (!force && inner.get(prefix) === uri) return;
    if (declarations.some((d) => d.startsWith(prefix === '' ? 'xmlns=' : `xmlns:${prefix}=`))) return;
    declarations.push(prefix === '' ? `xmlns="${uri}"` : `xmlns:${prefix}="${uri}"`);
    inner.set(prefix, uri);
  };
  const elementUri = node.ns < 0 ? '' : NAMESPACES[node.ns]!;
  // A prefixed element needs a namespace; only the unprefixed one can be in none.
  const prefix = node.prefix !== '' && elementUri === '' ? '' : node.prefix;
  bind(prefix, elementUri, node.redeclare);
  if (elementUri === BAD_URI) flags.badUri = true;
  if (node.unused !== null) bind('u', NAMESPACES[node.unused]!, false);
  const written: string[] = [];
  const expanded = new Set<string>();
  if (target) {
    written.push('Id="TARGET"');
    expanded.add('|Id');
  }
  // One binding per prefix on an element: the first use fixes it, later uses on the same element share it.
  const fixed = new Map<string, string>([[prefix, elementUri]]);
  for (const attr of node.attributes) {
    const attrPrefix: string | null = attr.prefix === 'own' ? (prefix === '' ? null : prefix) : attr.prefix;
    let uri = attrPrefix === null ? '' : attr.prefix === 'own' ? elementUri : NAMESPACES[attr.ns]!;
    if (attrPrefix !== null) {
      uri = fixed.get(attrPrefix) ?? uri;
      fixed.set(attrPrefix, uri);
      bind(attrPrefix, uri, false);
    }
    const key = `${uri}|${attr.local}`;
    if (expanded.has(key)) continue;
    expanded.add(key);
    if (uri === BAD_URI) flags.badUri = true;
    written.push(`${attrPrefix === null ? '' : `${attrPrefix}:`}${attr.local}="${attr.value}"`);
  }
  const name = `${prefix === '' ? '' : `${prefix}:`}${node.local}`;
  let out = `<${name}${[...declarations, ...written].map((a) => ` ${a}`).join('')}>`;
  for (const child of node.children) {
    if (child.kind === 'element') out += write(child.value, inner, false, flags);
    else if (child.kind === 'text') out += child.value;
    else if (child.kind === 'cdata') out += `<![CDATA[${child.value}]]>`;
    else if (child.kind === 'comment') out += `<!--${child.value}-->`;
    else if (child.kind === 'pi') {
      flags.pi = true;
      out += `<?pi${child.value === '' ? '' : ` ${child.value}`}?>`;
    } else {
      flags.nel = true;
      out += 'x&#x85;y';
    }
  }
  return `${out}</${name}>`;
}

/** A document around the target: ancestors declaring prefixes (some also used inside) and a default namespace. */
function documentFor(target: Tree, ancestorDefault: number): { xml: string; flags: Flags } {
  const scope = new Map<string, string>([
    ['a', NAMESPACES[0]!],
    ['p', NAMESPACES[2]!],
    ['q', NAMESPACES[4]!],
    ['', NAMESPACES[ancestorDefault]!],
  ]);
  const flags: Flags = { pi: false, nel: false, badUri: false };
  const body = write(target, scope, true, flags);
  const xml =
    `<env:Envelope xmlns:env="urn:env" xmlns:a="${NAMESPACES[0]}" xmlns:q="${NAMESPACES[4]}"><env:Body xmlns:p="${NAMESPACES[2]}">` +
    `<w:Op xmlns:w="urn:w" xmlns="${NAMESPACES[ancestorDefault]}"> <!-- before -->${body}<?after x?></w:Op></env:Body></env:Envelope>`;
  return { xml, flags };
}

function outcome(run: () => Buffer | string): { bytes?: string; error?: string } {
  try {
    const result = run();
    return { bytes: typeof result === 'string' ? result : result.toString('utf8') };
  } catch (error) {
    return { error: isKitError(error) ? `${error.code}: ${error.message}` : `other: ${(error as Error).message}` };
  }
}

describe('fast digest path ≡ reference path (xml-crypto exc-c14n → re-parse → SMEV transform)', () => {
  it('gives the same bytes (or the same error) for random documents, and takes the fast path whenever it may', () => {
    let fastTaken = 0;
    fc.assert(
      fc.property(tree, fc.nat(NAMESPACES.length - 1), (target, ancestorDefault) => {
        const { xml, flags } = documentFor(target, ancestorDefault);
        const doc = parseXml(xml);
        const element = doc.getElementsByTagName('*');
        let signed: Element | undefined;
        for (let i = 0; i < element.length; i++) if (element.item(i)!.getAttribute('Id') === 'TARGET') signed = element.item(i)!;
        expect(signed).toBeDefined();
        const before = doc.toString();
        const reference = outcome(() => referenceOctets(signed!, 'smev', 'reference'));
        const fast = outcome(() => referenceOctets(signed!, 'smev', 'fast'));
        expect(fast).toEqual(reference);
        expect(outcome(() => referenceOctets(signed!, 'exc-c14n', 'fast'))).toEqual(outcome(() => referenceOctets(signed!, 'exc-c14n', 'reference')));
        expect(outcome(() => exclusiveC14n(signed!))).toEqual(outcome(() => exclusiveC14nReference(signed!)));
        // Not vacuous: the pre-check refuses exactly the documents holding a PI, U+0085 or a namespace URI that
        // exc-c14n cannot write back in the signed subtree.
        const applies = fastPathApplies(signed!);
        expect(applies).toBe(!flags.pi && !flags.nel && !flags.badUri);
        if (applies && fast.bytes !== undefined) fastTaken++;
        // Neither path may touch the caller's tree.
        expect(doc.toString()).toBe(before);
      }),
      { numRuns: 600 },
    );
    // Many runs (about 30%) compare bytes on the fast path (not two equal errors, not a fallback).
    expect(fastTaken).toBeGreaterThan(120);
  });

  it('covers the hand-picked cases: comments between texts, CDATA, CR, long text, ancestor namespaces', () => {
    const long = `${'x'.repeat(510)}]]&gt;>&amp;>${'y'.repeat(40)}`;
    const xml =
      `<s:E xmlns:s="urn:s" xmlns="urn:d" xmlns:u="urn:u"><T Id="TARGET" xmlns:v="urn:v" u:z="1" v:y="&#9;2&#10;" b="&lt;&quot;'>"> ` +
      `<!--c-->\n <u:x>a<!--c-->&gt;b<![CDATA[ ]]>c&#13;d</u:x><x>  <!--c-->  </x><s:y>${long}</s:y>` +
      `<v:w xmlns:v="urn:v2" v:k="z"> <![CDATA[]]> </v:w></T></s:E>`;
    const signed = parseXml(xml).getElementsByTagNameNS('urn:d', 'T').item(0)!;
    expect(fastPathApplies(signed)).toBe(true);
    const fast = outcome(() => referenceOctets(signed, 'smev', 'fast'));
    expect(fast.bytes).toContain('<ns2:x>a>b c&#xd;d</ns2:x>');
    expect(fast).toEqual(outcome(() => referenceOctets(signed, 'smev', 'reference')));
  });

  it('falls back to the reference path for what xml-crypto writes differently', () => {
    const cases = [
      '<a:T xmlns:a="urn:a" Id="TARGET">x<?pi d?>y</a:T>', // xml-crypto writes PI data as text
      '<a:T xmlns:a="urn:a" Id="TARGET">x&#x85;y</a:T>', // raw NEL reads back as LF
      '<a:T xmlns:a="urn:a" Id="TARGET" v="&#x2028;"/>', // raw LS reads back as a space
      '<a:T xmlns:a="urn:a" Id="TARGET" xmlnsFoo="v"/>', // dropped by xml-crypto as if a declaration
      '<a:T xmlns:a="urn:a" Id="TARGET"><b:x xmlns:b="urn:b&amp;c"/></a:T>', // declaration written unescaped
      '<a:T xmlns:a="urn:a" Id="TARGET"><a:CanonicalizationMethod/></a:T>', // InclusiveNamespaces lookup
    ];
    for (const xml of cases) {
      const signed = parseXml(xml).documentElement;
      expect(fastPathApplies(signed), xml).toBe(false);
      expect(outcome(() => referenceOctets(signed, 'smev', 'fast'))).toEqual(outcome(() => referenceOctets(signed, 'smev', 'reference')));
    }
  });
});

describe('SignedInfo written directly ≡ xml-crypto exc-c14n of the inserted node', () => {
  const odd: SignatureProfile = { ...devProfile, name: 'odd', signatureAlgorithmUri: 'urn:sig?a=1&b="2"<\t', digestAlgorithmUri: 'urn:dig\n\r>' };
  for (const profile of [devProfile, gostProfile, odd]) {
    for (const transforms of ['smev', 'exc-c14n'] as const) {
      it(`${profile.name} profile, ${transforms} chain`, () => {
        const doc = parseXml(ENVELOPE.replace('Id="SIGNED_BY_CONSUMER"', 'Id="S&amp;&lt;&quot;&gt;"').replace('<soapenv:Body>', '<soapenv:Body xmlns:ds="urn:not-dsig" xmlns="urn:default">'));
        const { pending, signedInfoOctets } = prepare(doc, { referenceId: 'S&<">', transforms, container: devOptions.container }, profile);
        expect(signedInfoOctets.toString('utf8')).toBe(exclusiveC14nReference(pending.signedInfo));
        // And after serialization and a fresh parse, which is what a verifier canonicalizes.
        const reparsed = parseXml(doc.toString()).getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'SignedInfo').item(0)!;
        expect(exclusiveC14nReference(reparsed)).toBe(pending.signedInfoC14n);
        expect(exclusiveC14n(reparsed)).toBe(pending.signedInfoC14n);
      });
    }
  }

  it('signs and verifies with both digest paths interchangeably', () => {
    for (const signPath of ['fast', 'reference'] as const) {
      const signed = signDetached(ENVELOPE, { ...devOptions, digestPath: signPath });
      for (const verifyPath of ['fast', 'reference'] as const) {
        const [result] = verifyDetached(signed, { trust, digestPath: verifyPath });
        expect(result?.ok, `${signPath} → ${verifyPath}`).toBe(true);
      }
    }
    expect(TYPES_NS).toContain('types/1.2');
  });
});
