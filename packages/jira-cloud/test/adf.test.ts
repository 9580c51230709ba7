import { describe, expect, it } from 'vitest';
import { adfToText, markdownToAdf, textToAdf, type AdfDocument } from '../src/adf/index.js';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, ...marks: unknown[]) => (marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
const br = { type: 'hardBreak' };
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const link = (href: string) => ({ type: 'link', attrs: { href } });

describe('textToAdf', () => {
  it('gives one empty paragraph, without content, for empty input', () => {
    expect(textToAdf('')).toEqual({ type: 'doc', version: 1, content: [{ type: 'paragraph' }] });
    expect(textToAdf('\n\n \n')).toEqual({ type: 'doc', version: 1, content: [{ type: 'paragraph' }] });
  });

  it('splits paragraphs on blank lines and turns single newlines into hard breaks', () => {
    expect(textToAdf('Hello\nworld\n\nSecond')).toEqual(doc(p(t('Hello'), br, t('world')), p(t('Second'))));
  });

  it('treats CRLF and CR as newlines and lines of spaces as blank', () => {
    expect(textToAdf('a\r\nb\r\rc\n \t \nd')).toEqual(doc(p(t('a'), br, t('b')), p(t('c')), p(t('d'))));
  });

  it('drops blank lines at the start and end but keeps indentation', () => {
    expect(textToAdf('\n\n  indented\n\n\n')).toEqual(doc(p(t('  indented'))));
  });

  it('never writes an empty text node for empty lines inside a paragraph', () => {
    expect(textToAdf('a\n\nb\n')).toEqual(doc(p(t('a')), p(t('b'))));
    expect(textToAdf('\na')).toEqual(doc(p(t('a'))));
    expect(textToAdf('a\n')).toEqual(doc(p(t('a'))));
  });

  it('keeps Markdown characters as typed', () => {
    expect(textToAdf('**not bold** # no heading')).toEqual(doc(p(t('**not bold** # no heading'))));
  });

  it('links bare URLs, leaving sentence punctuation outside the link', () => {
    expect(textToAdf('See https://example.com/a?b=1. Or (http://x.org/wiki/A_(b)).')).toEqual(
      doc(
        p(
          t('See '),
          t('https://example.com/a?b=1', link('https://example.com/a?b=1')),
          t('. Or ('),
          t('http://x.org/wiki/A_(b)', link('http://x.org/wiki/A_(b)')),
          t(').'),
        ),
      ),
    );
  });

  it('does not link when linkify is off, nor a scheme with no host', () => {
    expect(textToAdf('https://example.com', { linkify: false })).toEqual(doc(p(t('https://example.com'))));
    expect(textToAdf('http://.')).toEqual(doc(p(t('http://.'))));
  });
});

describe('markdownToAdf', () => {
  const md = async (source: string) => (await markdownToAdf(source)).content;

  it('maps headings with their level', async () => {
    expect(await md('# One\n\n### Three\n\n###### Six')).toEqual([
      { type: 'heading', attrs: { level: 1 }, content: [t('One')] },
      { type: 'heading', attrs: { level: 3 }, content: [t('Three')] },
      { type: 'heading', attrs: { level: 6 }, content: [t('Six')] },
    ]);
    expect(await md('#')).toEqual([{ type: 'heading', attrs: { level: 1 } }]);
  });

  it('maps bold, italic, strike-through and inline code to marks', async () => {
    expect(await md('a **b** *c* ~~d~~ `e` ***f***')).toEqual([
      p(t('a '), t('b', { type: 'strong' }), t(' '), t('c', { type: 'em' }), t(' '), t('d', { type: 'strike' }), t(' '), t('e', { type: 'code' }), t(' '), t('f', { type: 'em' }, { type: 'strong' })),
    ]);
  });

  it('keeps only link next to code, as ADF requires', async () => {
    expect(await md('**`x`** [`y`](https://y.io)')).toEqual([p(t('x', { type: 'code' }), t(' '), t('y', link('https://y.io'), { type: 'code' }))]);
  });

  it('maps links, autolinks and bare URLs to link marks', async () => {
    expect(await md('[site](https://example.com "Title") <https://a.io> www.b.io')).toEqual([
      p(
        t('site', { type: 'link', attrs: { href: 'https://example.com', title: 'Title' } }),
        t(' '),
        t('https://a.io', link('https://a.io')),
        t(' '),
        t('www.b.io', link('http://www.b.io')),
      ),
    ]);
  });

  it('keeps an autolink literal, entities included', async () => {
    expect(await md('https://x.io/?a=1&amp;b=2')).toEqual([p(t('https://x.io/?a=1&amp;b=2', link('https://x.io/?a=1&amp;b=2')))]);
  });

  it('keeps the text but drops the link for unsafe schemes', async () => {
    expect(await md('[click](javascript:alert(1))')).toEqual([p(t('click'))]);
  });

  it('uses the URL as text for a link without text', async () => {
    expect(await md('[](https://e.io)')).toEqual([p(t('https://e.io', link('https://e.io')))]);
  });

  it('maps nested bullet and ordered lists, keeping the start number', async () => {
    expect(await md('- a\n  - b\n- c\n\n3. x\n4. y')).toEqual([
      { type: 'bulletList', content: [li(p(t('a')), { type: 'bulletList', content: [li(p(t('b')))] }), li(p(t('c')))] },
      { type: 'orderedList', attrs: { order: 3 }, content: [li(p(t('x'))), li(p(t('y')))] },
    ]);
    expect(await md('1. one')).toEqual([{ type: 'orderedList', content: [li(p(t('one')))] }]);
  });

  it('starts a list item with an empty paragraph when it would start with a list', async () => {
    expect(await md('- - a')).toEqual([{ type: 'bulletList', content: [li({ type: 'paragraph' }, { type: 'bulletList', content: [li(p(t('a')))] })] }]);
  });

  it('writes task list items as [ ] / [x] text', async () => {
    expect(await md('- [ ] todo\n- [x] done')).toEqual([{ type: 'bulletList', content: [li(p(t('[ ] todo'))), li(p(t('[x] done')))] }]);
  });

  it('maps fenced code with its language, verbatim', async () => {
    expect(await md('```ts title="x"\nconst a = 1 < 2 && b;\n\n  indented\n```')).toEqual([
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [t('const a = 1 < 2 && b;\n\n  indented')] },
    ]);
    expect(await md('```\n```')).toEqual([{ type: 'codeBlock' }]);
  });

  it('maps blockquotes, rewriting headings and nested quotes that ADF does not allow there', async () => {
    expect(await md('> quoted\n>\n> # head\n>\n> > inner')).toEqual([{ type: 'blockquote', content: [p(t('quoted')), p(t('head')), p(t('inner'))] }]);
  });

  it('maps horizontal rules and hard breaks', async () => {
    expect(await md('a  \nb\\\nc\nd\n\n---')).toEqual([p(t('a'), br, t('b'), br, t('c'), br, t('d')), { type: 'rule' }]);
  });

  it('maps GFM tables with a header row', async () => {
    const cell = (type: string, text: string) => ({ type, content: [p(t(text))] });
    expect(await md('| a | b |\n|---|---|\n| 1 | **2** |')).toEqual([
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'a'), cell('tableHeader', 'b')] },
          { type: 'tableRow', content: [cell('tableCell', '1'), { type: 'tableCell', content: [p(t('2', { type: 'strong' }))] }] },
        ],
      },
    ]);
  });

  it('turns images into linked alt text and keeps HTML and entities as text', async () => {
    expect(await md('![logo](https://x.io/l.png) <b>hi</b> &amp; &#169; &bogus;')).toEqual([
      p(t('logo', link('https://x.io/l.png')), t(' <b>hi</b> & © &bogus;')),
    ]);
  });

  it('escaped characters stay literal', async () => {
    expect(await md('\\*not em\\*')).toEqual([p(t('*not em*'))]);
  });

  it('gives one empty paragraph for empty or blank input', async () => {
    expect(await markdownToAdf('')).toEqual({ type: 'doc', version: 1, content: [{ type: 'paragraph' }] });
    expect(await markdownToAdf('\n \n')).toEqual({ type: 'doc', version: 1, content: [{ type: 'paragraph' }] });
  });
});

describe('adfToText', () => {
  it('separates blocks with a blank line and turns hard breaks into newlines', () => {
    expect(adfToText(doc({ type: 'heading', attrs: { level: 1 }, content: [t('Title')] }, p(t('a'), br, t('b'))))).toBe('Title\n\na\nb');
  });

  it('writes lists as - and numbered lines, nested items indented', () => {
    const list = {
      type: 'bulletList',
      content: [li(p(t('a')), { type: 'orderedList', attrs: { order: 9 }, content: [li(p(t('x'))), li(p(t('y'), br, t('z')))] }), li(p(t('b')))],
    };
    expect(adfToText(doc(list))).toBe('- a\n  9. x\n  10. y\n      z\n- b');
  });

  it('writes mentions, emoji, cards, dates and status', () => {
    const inline = p(
      { type: 'mention', attrs: { id: 'abc', text: '@Ann' } },
      t(' '),
      { type: 'mention', attrs: { id: 'def', text: 'Bob' } },
      t(' '),
      { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } },
      { type: 'emoji', attrs: { shortName: ':custom:' } },
      t(' '),
      { type: 'inlineCard', attrs: { url: 'https://x.io/1' } },
      t(' '),
      { type: 'date', attrs: { timestamp: '1735689600000' } },
      t(' '),
      { type: 'status', attrs: { text: 'DONE', color: 'green' } },
    );
    expect(adfToText(doc(inline))).toBe('@Ann @Bob 😄:custom: https://x.io/1 2025-01-01 DONE');
  });

  it('adds a link target after its text unless the text is the URL', () => {
    const href = link('https://x.io');
    expect(adfToText(doc(p(t('see '), t('the ', href), t('docs', href, { type: 'strong' }), t(' or '), t('https://x.io', href))))).toBe(
      'see the docs (https://x.io) or https://x.io',
    );
  });

  it('keeps code blocks verbatim and quotes quotes', () => {
    expect(adfToText(doc({ type: 'codeBlock', content: [t('a\n\n  b')] }, { type: 'blockquote', content: [p(t('q1')), p(t('q2'))] }, { type: 'rule' }))).toBe(
      'a\n\n  b\n\n> q1\n>\n> q2\n\n---',
    );
  });

  it('writes tables as tab-separated rows', () => {
    const row = (...cells: string[]) => ({ type: 'tableRow', content: cells.map((c) => ({ type: 'tableCell', content: [p(t(c))] })) });
    expect(adfToText(doc({ type: 'table', content: [row('a', 'b'), row('1', '2')] }))).toBe('a\tb\n1\t2');
  });

  it('recurses into unknown nodes and panels', () => {
    expect(adfToText(doc({ type: 'panel', attrs: { panelType: 'info' }, content: [p(t('inside'))] }, { type: 'futureThing', content: [t('x'), { type: 'futureInline', text: 'y' }] }))).toBe(
      'inside\n\nxy',
    );
    expect(adfToText(doc({ type: 'expand', attrs: { title: 'More' }, content: [p(t('hidden'))] }))).toBe('More\n\nhidden');
  });

  it('never throws on unexpected input', () => {
    expect(adfToText('plain')).toBe('plain');
    expect(adfToText(null)).toBe('');
    expect(adfToText(undefined)).toBe('');
    expect(adfToText(42)).toBe('');
    expect(adfToText({})).toBe('');
    expect(adfToText({ type: 'doc', content: 'nope' })).toBe('');
    expect(adfToText(doc({ type: 'blockquote', content: [] }, p(t('after'))))).toBe('after');
    expect(adfToText({ type: 'paragraph', content: [{ type: 'text', text: 5 }, null, 'raw', [t('arr')]] })).toBe('rawarr');
    const cyclic: Record<string, unknown> = { type: 'paragraph' };
    cyclic.content = [t('a'), cyclic, cyclic];
    expect(adfToText(doc(cyclic))).toBe('a');
    let deep: unknown = t('deep');
    for (let i = 0; i < 10_000; i++) deep = { type: 'blockquote', content: [deep] };
    expect(() => adfToText(deep)).not.toThrow();
  });

  it('renders a shared (non-cyclic) node each time it appears', () => {
    const shared = t('x');
    expect(adfToText(doc(p(shared, br, shared)))).toBe('x\nx');
  });
});

describe('round trips', () => {
  it.each([
    ['Hello', 'Hello'],
    ['a\nb\n\nc', 'a\nb\n\nc'],
    ['\r\n\r\nfirst\r\n\r\n\r\n  second \t\n third\n\n', 'first\n\n  second \t\n third'],
    ['x\n   \ny', 'x\n\ny'],
    ['see https://example.com.', 'see https://example.com.'],
    ['', ''],
  ])('text %j -> ADF -> text', (input, expected) => {
    expect(adfToText(textToAdf(input))).toBe(expected);
  });

  it('Markdown -> ADF -> text keeps the words and the structure', async () => {
    const source = '# Outage\n\nPrinter **down** since `09:00`.\n\n- check [cable](https://x.io)\n- restart\n  1. off\n  2. on\n\n```\nping 10.0.0.1\n```';
    expect(adfToText(await markdownToAdf(source))).toBe(
      'Outage\n\nPrinter down since 09:00.\n\n- check cable (https://x.io)\n- restart\n  1. off\n  2. on\n\nping 10.0.0.1',
    );
  });

  it('text written by textToAdf is typed as AdfDocument', () => {
    const value: AdfDocument = textToAdf('typed');
    expect(value.content[0]?.type).toBe('paragraph');
  });
});
