import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, isBlank } from '../../core/smev/transform/escape.ts';
import { smevTransform } from '../../core/smev/transform/index.ts';

/** Transforms `<t:r>` holding the given (already XML-escaped) source text and returns just the written text. */
function textThroughTransform(sourceText: string): string {
  const out = smevTransform(`<t:r xmlns:t="urn:t">${sourceText}</t:r>`).toString('utf8');
  return out.slice('<ns1:r xmlns:ns1="urn:t">'.length, -'</ns1:r>'.length);
}

describe('escapeText', () => {
  it('leaves "a>>b" raw because neither > opens the text or follows ]', () => {
    expect(escapeText('a>>b')).toBe('a>>b');
  });

  it('escapes only the first > of ">>>", a short text', () => {
    expect(escapeText('>>>')).toBe('&gt;>>');
  });

  it('leaves the > after & raw in the 11-character text "&>123456789"', () => {
    expect(escapeText('&>123456789')).toBe('&amp;>123456789');
  });

  it('escapes the > after & in the 12-character text "&>1234567890"', () => {
    expect(escapeText('&>1234567890')).toBe('&amp;&gt;1234567890');
  });

  it('escapes a > at offset 512 of a long text, the start of the second segment', () => {
    const text = `${'a'.repeat(512)}>${'b'.repeat(40)}`;
    expect(escapeText(text)).toBe(`${'a'.repeat(512)}&gt;${'b'.repeat(40)}`);
  });

  it('leaves a > at offset 511 of a long text raw, the end of the first segment', () => {
    const text = `${'a'.repeat(511)}>${'b'.repeat(40)}`;
    expect(escapeText(text)).toBe(text);
  });

  it('escapes a > at offset 1024, since every 512-character segment starts a new scan', () => {
    const text = `${'a'.repeat(1024)}>b`;
    expect(escapeText(text)).toBe(`${'a'.repeat(1024)}&gt;b`);
  });

  it('writes "x > y ]]> z" with the middle > raw and ]]&gt;', () => {
    expect(escapeText('x > y ]]> z')).toBe('x > y ]]&gt; z');
  });

  it('escapes a leading > and the > of ]]> in a long text while keeping the middle one raw', () => {
    expect(escapeText('> x > y ]]> z')).toBe('&gt; x > y ]]&gt; z');
  });

  it('escapes a chain of > in a long text once the first one was escaped', () => {
    expect(escapeText('>>>>>>>>>>>>')).toBe('&gt;'.repeat(12));
    expect(escapeText('a<>>>>>>>>>>')).toBe(`a&lt;${'&gt;'.repeat(10)}`);
  });

  it('escapes a > after CR in a long text but not in a short one', () => {
    expect(escapeText('\r>')).toBe('&#xd;>');
    expect(escapeText('abcdefghij\r>')).toBe('abcdefghij&#xd;&gt;');
  });

  it('escapes & < and CR, and keeps quotes, apostrophes, TAB and LF raw', () => {
    expect(escapeText(`a&b<c\rd"e'f\tg\nh`)).toBe(`a&amp;b&lt;c&#xd;d"e'f\tg\nh`);
  });

  it('returns the same string when nothing needs escaping', () => {
    expect(escapeText('Иванов Иван')).toBe('Иванов Иван');
  });
});

describe('escapeAttribute', () => {
  it('escapes & < " TAB LF CR and keeps > and apostrophes raw', () => {
    expect(escapeAttribute(`a&b<c"d'e>f\tg\nh\ri`)).toBe(`a&amp;b&lt;c&quot;d'e>f&#x9;g&#xa;h&#xd;i`);
  });

  it('escapes a leading > nowhere, unlike text', () => {
    expect(escapeAttribute('>x')).toBe('>x');
  });
});

describe('isBlank', () => {
  it('treats every character up to U+0020 as blank, like Java String.trim()', () => {
    expect(isBlank(' \t\r\n\u0001\u001f ')).toBe(true);
    expect(isBlank('')).toBe(true);
  });

  it('does not treat NBSP as blank', () => {
    expect(isBlank('\u00a0')).toBe(false);
  });
});

describe('smevTransform text escaping', () => {
  it('applies the > rules to parsed text, where the source wrote &gt;', () => {
    expect(textThroughTransform('&gt;&gt;&gt;')).toBe('&gt;>>');
    expect(textThroughTransform('a&gt;&gt;b')).toBe('a>>b');
    expect(textThroughTransform('x &gt; y ]]&gt; z')).toBe('x > y ]]&gt; z');
    expect(textThroughTransform('&amp;&gt;1234567890')).toBe('&amp;&gt;1234567890');
    expect(textThroughTransform('&amp;&gt;123456789')).toBe('&amp;>123456789');
  });

  it('writes a character reference &#13; as &#xd;', () => {
    expect(textThroughTransform('a&#13;b')).toBe('a&#xd;b');
  });

  it('keeps the spaces around entity references in z &amp; &lt; "q"', () => {
    expect(textThroughTransform('z &amp; &lt; "q"')).toBe('z &amp; &lt; "q"');
  });

  it('keeps the spaces of a text split by numeric character references', () => {
    expect(textThroughTransform('a&#32;&#38;&#32;b')).toBe('a &amp; b');
  });
});
