/**
 * `$search`, Ivanti's keyword search, as measured: case-insensitive; words separated by spaces must
 * all match; `or` (any case) between words widens to either side; a literal `AND` is just another
 * word to find; a quoted phrase matches nothing. On tickets a word matches the **start** of a word
 * of the subject, description, resolution or notes (`projec` finds "projector", `rojector` finds
 * nothing); on people it matches **anywhere** in the text fields (`John` finds "Scott Johnson").
 *
 * @module
 */

/** How a search word matches text. */
export type SearchMode = 'word-prefix' | 'substring';

/** A compiled search: whether a record's searchable text matches. */
export type SearchTest = (text: string) => boolean;

/** Compiles a `$search` expression (`undefined` when it is blank). */
export function compileSearch(expression: string, mode: SearchMode): SearchTest | undefined {
  const words = expression.trim().split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0) return undefined;
  const alternatives: string[][] = [[]];
  for (const word of words) {
    if (word.toLowerCase() === 'or') alternatives.push([]);
    else alternatives[alternatives.length - 1]?.push(word.toLowerCase());
  }
  const groups = alternatives.filter((group) => group.length > 0);
  return (text) => {
    const lower = text.toLowerCase();
    const tokens = mode === 'word-prefix' ? lower.split(/[^\p{L}\p{N}]+/u).filter((token) => token !== '') : [];
    const matches = (word: string): boolean => {
      if (word.includes('"')) return false;
      return mode === 'substring' ? lower.includes(word) : tokens.some((token) => token.startsWith(word));
    };
    return groups.some((group) => group.every(matches));
  };
}
