/**
 * JQL string literals: quoting any string so the JQL parser reads it back as exactly one value.
 *
 * Rules (Jira's JQL lexer grammar, `JqlLexer.g`/`JQLLexer.g4`, and `JqlStringSupportImpl`):
 * - A double-quoted string may hold any character except `"`, `\` and the JQL control characters
 *   U+0000–U+0009, U+000B–U+000C, U+000E–U+001F, U+007F–U+009F, U+FDD0–U+FDEF, U+FFFE–U+FFFF.
 * - Escapes: `\"`, `\'`, `\\`, `\t`, `\n`, `\r`, `\ ` (space) and `\uXXXX`. Any other `\x` is a
 *   syntax error.
 * - Inside quotes reserved words (`AND`, `INT`, `DO`, …) and reserved characters (`+ . , ; ? | * / % ^ $ # @ [ ]`)
 *   lose their meaning, so every value is quoted.
 *
 * This encoder escapes `"` and `\`, writes tab, newline and carriage return as `\t`, `\n`, `\r`
 * (so a value never spans lines, unlike the reference notes' advice to replace them with spaces,
 * which would change the value), and writes control characters and unpaired UTF-16 surrogates
 * as `\uXXXX`.
 *
 * @internal
 * @module
 */

const NAMED_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** Characters the JQL grammar refuses inside quotes, unless written as `\uXXXX`. */
function isJqlControlCharacter(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0xfdd0 && code <= 0xfdef) ||
    code >= 0xfffe
  );
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Quotes `value` as one JQL string literal: `"…"` with the escapes above.
 *
 * @example
 * ```ts
 * quoteJqlString('say "hi"\n'); // '"say \\"hi\\"\\n"'
 * ```
 */
export function quoteJqlString(value: string): string {
  let out = '"';
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index);
    const code = value.charCodeAt(index);
    const named = NAMED_ESCAPES[char];
    if (named !== undefined) {
      out += named;
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value.charCodeAt(index + 1))) {
      out += value.slice(index, index + 2);
      index++;
    } else if ((code >= 0xd800 && code <= 0xdfff) || isJqlControlCharacter(code)) {
      out += unicodeEscape(code);
    } else {
      out += char;
    }
  }
  return `${out}"`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Characters with a meaning in Jira's text search (Lucene query syntax), escaped with `\`. */
const TEXT_SEARCH_SPECIALS = /[+\-&|!(){}[\]^~*?\\:"/]/g;
/** Lucene's boolean operators, which only count in upper case. */
const TEXT_SEARCH_OPERATORS = /(?<![\p{L}\p{N}_])(AND|OR|NOT)(?![\p{L}\p{N}_])/gu;

/**
 * Quotes `value` as the operand of a text search (`~`, `!~`): first the text-search (Lucene)
 * layer — every special character `+ - & | ! ( ) { } [ ] ^ ~ * ? \ : " /` gets a backslash and the
 * operators `AND`/`OR`/`NOT` are lower-cased (text search ignores case) — then the JQL string
 * layer of {@link quoteJqlString}, which doubles those backslashes (`\\[` as Atlassian's text
 * search documentation shows).
 *
 * @example
 * ```ts
 * quoteJqlTextSearch('C++ (build)'); // '"C\\\\+\\\\+ \\\\(build\\\\)"', i.e. JQL "C\\+\\+ \\(build\\)"
 * ```
 */
export function quoteJqlTextSearch(value: string): string {
  const lucene = value
    .replace(TEXT_SEARCH_SPECIALS, (char) => `\\${char}`)
    .replace(TEXT_SEARCH_OPERATORS, (word) => word.toLowerCase());
  return quoteJqlString(lucene);
}
