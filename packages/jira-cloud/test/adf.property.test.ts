import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adfToText, markdownToAdf, textToAdf } from '../src/adf/index.js';

// ---------------------------------------------------------------------------------------------
// A small structural check of ADF, following the `@atlaskit/adf-schema` JSON schema (v1 full)
// for the nodes this package writes. Returns the problems found, `[]` for a valid document.
// ---------------------------------------------------------------------------------------------
const BLOCKS = new Set(['paragraph', 'heading', 'codeBlock', 'bulletList', 'orderedList', 'blockquote', 'rule', 'table']);
const INLINES = new Set(['text', 'hardBreak', 'mention', 'emoji', 'inlineCard']);
const NESTED_BLOCKS = new Set(['paragraph', 'codeBlock', 'bulletList', 'orderedList']);
const MARKS = new Set(['strong', 'em', 'strike', 'underline', 'code', 'link', 'subsup', 'textColor']);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function validateAdf(doc: unknown): string[] {
  const problems: string[] = [];
  const problem = (path: string, message: string): void => {
    problems.push(`${path}: ${message}`);
  };

  const content = (node: Json, path: string, allowed: Set<string>, required: boolean, check: (child: Json, path: string) => void) => {
    if (node.content === undefined) {
      if (required) problem(path, 'content is required');
      return;
    }
    if (!Array.isArray(node.content)) return problem(path, 'content must be an array');
    if (required && node.content.length === 0) problem(path, 'content must not be empty');
    node.content.forEach((child: unknown, index) => {
      const childPath = `${path}.content[${index}]`;
      if (!isObject(child) || typeof child.type !== 'string') return problem(childPath, 'not a node');
      if (!allowed.has(child.type)) return problem(childPath, `${child.type} is not allowed here`);
      check(child, childPath);
    });
  };

  const marks = (node: Json, path: string) => {
    if (node.marks === undefined) return;
    if (!Array.isArray(node.marks) || node.marks.length === 0) return problem(path, 'marks must be a non-empty array when present');
    const types = node.marks.map((mark: unknown) => (isObject(mark) ? mark.type : undefined));
    for (const type of types) if (typeof type !== 'string' || !MARKS.has(type)) problem(path, `unknown mark ${String(type)}`);
    if (new Set(types).size !== types.length) problem(path, 'duplicate mark');
    if (types.includes('code') && types.some((type) => type !== 'code' && type !== 'link')) problem(path, 'code combined with a formatting mark');
    for (const mark of node.marks) {
      if (isObject(mark) && mark.type === 'link' && !(isObject(mark.attrs) && typeof mark.attrs.href === 'string')) problem(path, 'link without href');
    }
  };

  const inline = (node: Json, path: string) => {
    if (node.type === 'text') {
      if (typeof node.text !== 'string' || node.text.length === 0) problem(path, 'text node with empty text');
      marks(node, path);
    } else if (node.content !== undefined) {
      problem(path, `${String(node.type)} must not have content`);
    }
  };

  const listItem = (node: Json, path: string) => {
    content(node, path, NESTED_BLOCKS, true, block);
    const first = Array.isArray(node.content) ? node.content[0] : undefined;
    if (isObject(first) && first.type !== 'paragraph' && first.type !== 'codeBlock') problem(path, 'list item must start with a paragraph or code block');
  };

  const cell = (node: Json, path: string) => content(node, path, BLOCKS, true, block);
  const row = (node: Json, path: string) => content(node, path, new Set(['tableHeader', 'tableCell']), true, cell);

  function block(node: Json, path: string): void {
    switch (node.type) {
      case 'paragraph':
        return content(node, path, INLINES, false, inline);
      case 'heading': {
        const level = isObject(node.attrs) ? node.attrs.level : undefined;
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) problem(path, 'bad heading level');
        return content(node, path, INLINES, false, inline);
      }
      case 'codeBlock':
        return content(node, path, new Set(['text']), false, (text, textPath) => {
          inline(text, textPath);
          if (text.marks !== undefined) problem(textPath, 'code block text must not have marks');
        });
      case 'bulletList':
      case 'orderedList':
        return content(node, path, new Set(['listItem']), true, listItem);
      case 'blockquote':
        return content(node, path, NESTED_BLOCKS, true, block);
      case 'rule':
        if (node.content !== undefined) problem(path, 'rule must not have content');
        return;
      case 'table':
        return content(node, path, new Set(['tableRow']), true, row);
      default:
        problem(path, `unexpected block ${String(node.type)}`);
    }
  }

  if (!isObject(doc)) return ['doc: not an object'];
  if (doc.type !== 'doc') problem('doc', 'type must be "doc"');
  if (doc.version !== 1) problem('doc', 'version must be 1');
  content(doc, 'doc', BLOCKS, true, block);
  return problems;
}

/** Every text node in a document, depth first. */
function textNodes(node: unknown): Json[] {
  if (!isObject(node)) return [];
  const own = node.type === 'text' ? [node] : [];
  return [...own, ...(Array.isArray(node.content) ? node.content.flatMap(textNodes) : [])];
}

/** Normalisation `textToAdf` + `adfToText` apply to plain text. */
function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/(?:\n[ \t]*)+$/, '')
    .replace(/\n(?:[ \t]*\n)+/g, '\n\n');
}

/** Any UTF-16 string, weighted towards characters that matter: newlines, blanks, quotes, lone surrogates. */
const anyString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\u2028', '"', '\\', '\u0000', '\ud800', '\udfff', 'https://x.io/a.', 'a'),
    fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  ),
  maxLength: 60,
});

/** Strings built from Markdown syntax, so the lexer meets every construct in odd combinations. */
const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '# ', '###### ', '#', '**', '*', '_', '__', '~~', '~', '`', '```', '```js\n', '\n', '\n\n', '  \n', '\\\n', '- ', '* ', '+ ',
        '1. ', '3) ', '  ', '    ', '> ', '>', '[', ']', '(', ')', '![', '<', '>', 'http://x.io', 'www.y.io', '<https://z.io>',
        '[a](javascript:x)', '|', '| a | b |\n|---|---|\n', '---', '***', '- [ ] ', '- [x] ', '&amp;', '&#0;', '&#x110000;', '<b>',
        '</b>', '<!-- c -->', '\\', '\\*', 'text', ' ', '\t', '=', '\n===\n', '[x]: http://ref.io', '[x]', '',
        '**`code`**', '*`c`*', '~~`c`~~', '[`c`](http://l.io)', '[](http://e.io)', '![](x)', '****', '``', '` `', '**a**', '_b_',
      ),
      anyString,
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

const jsonish = fc.letrec((tie) => ({
  node: fc.record(
    {
      type: fc.oneof(
        fc.constantFrom('doc', 'paragraph', 'text', 'hardBreak', 'heading', 'bulletList', 'orderedList', 'listItem', 'codeBlock', 'blockquote', 'table', 'tableRow', 'tableCell', 'mention', 'emoji', 'inlineCard', 'date', 'status', 'panel', 'expand', 'mediaSingle', 'rule'),
        fc.string(),
        fc.jsonValue(),
      ),
      text: fc.oneof(fc.string(), fc.jsonValue()),
      attrs: fc.oneof(fc.jsonValue(), fc.record({ text: fc.jsonValue(), url: fc.jsonValue(), order: fc.jsonValue(), timestamp: fc.jsonValue(), shortName: fc.jsonValue(), title: fc.jsonValue() }, { requiredKeys: [] })),
      marks: fc.oneof(fc.jsonValue(), fc.array(fc.record({ type: fc.constantFrom('link', 'strong', 'x'), attrs: fc.oneof(fc.jsonValue(), fc.record({ href: fc.jsonValue() })) }))),
      content: fc.oneof(fc.jsonValue(), fc.array(tie('node'), { maxLength: 4 })),
    },
    { requiredKeys: [] },
  ),
}));

describe('ADF properties', () => {
  it('the validator catches what Jira rejects (so the properties below can fail)', () => {
    expect(validateAdf({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] })).toEqual([
      'doc.content[0].content[0]: text node with empty text',
    ]);
    expect(validateAdf({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'code' }, { type: 'strong' }, { type: 'blink' }] }] }] })).toEqual([
      'doc.content[0].content[0]: unknown mark blink',
      'doc.content[0].content[0]: code combined with a formatting mark',
    ]);
    expect(validateAdf({ type: 'doc', version: 1, content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [] }] }] }] })).toEqual([
      'doc.content[0].content[0].content[0]: content must not be empty',
      'doc.content[0].content[0]: list item must start with a paragraph or code block',
    ]);
    expect(validateAdf({ type: 'doc', version: 1, content: [{ type: 'blockquote', content: [{ type: 'heading', attrs: { level: 1 } }] }] })).toEqual([
      'doc.content[0].content[0]: heading is not allowed here',
    ]);
    expect(validateAdf({ type: 'doc', version: 1, content: [] })).toEqual(['doc: content must not be empty']);
  });

  it('textToAdf gives a valid document without empty text nodes for any string', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const doc = textToAdf(text);
        expect(validateAdf(doc)).toEqual([]);
        expect(textNodes(doc).every((node) => typeof node.text === 'string' && node.text !== '')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('markdownToAdf gives a valid document without empty text nodes for any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(markdownish, anyString), async (markdown) => {
        const doc = await markdownToAdf(markdown);
        expect(validateAdf(doc)).toEqual([]);
        expect(textNodes(doc).every((node) => typeof node.text === 'string' && node.text !== '')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('text -> ADF -> text gives back the normalised text', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        expect(adfToText(textToAdf(text))).toBe(normaliseText(text));
        expect(adfToText(textToAdf(text, { linkify: false }))).toBe(normaliseText(text));
      }),
      { numRuns: 500 },
    );
  });

  it('adfToText never throws and always returns a string, for any JSON or ADF-shaped value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), jsonish.node, fc.anything()), (value) => {
        expect(typeof adfToText(value)).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('adfToText reads back every word markdownToAdf wrote', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom('', '**', '_', '`', '~~', '# ', '- ', '> ', '1. '), { minLength: 12, maxLength: 12 }), async (words, syntax) => {
        const markdown = words.map((word, index) => {
          const mark = syntax[index] ?? '';
          return mark.endsWith(' ') ? `\n\n${mark}${word}\n\n` : `${mark}${word}${mark} `;
        });
        const text = adfToText(await markdownToAdf(markdown.join('')));
        const found = text.match(/[a-z]+/g) ?? [];
        expect(found).toEqual(words);
      }),
      { numRuns: 300 },
    );
  });
});
