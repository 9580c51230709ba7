/**
 * How Ivanti reads a `$filter` — not as OData specifies, but as measured on live tenants:
 *
 * 1. Only `eq ne lt le gt ge and or` work. A function call (`contains(…)`, `startswith(…)`,
 *    `year(…)`, …) and a `not (…)` are **silently dropped** together with the `and`/`or` that joins
 *    them, so `contains(Subject,'printer')` alone returns every row and `A and not (B)` returns A.
 *    `substringof(…)`, a typed literal (`datetime'…'`) and a bare `not A` are refused with 400.
 * 2. Parentheses count **only at the very start** of the filter: `(A or B) and C` is read as
 *    written, and so are groups nested at the start (`((A or B) and C) and D`). A group anywhere
 *    else is dropped like a function: `C and (A or B)` reads as `C`.
 * 3. Within one sequence, an `and` after an `or` is misread: every operator of the sequence is then
 *    read as `and` (`Logged or Active and P1` matches nothing). Otherwise the usual precedence holds
 *    (`A and B or C` is `(A and B) or C`).
 *
 * {@link readFilter} turns a filter into that reading; `predicate.ts` evaluates it.
 *
 * @module
 */
import { failFilter } from '../errors.js';
import { tokenize, type Token } from './lexer.js';

/** A comparison operator. */
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** The right-hand side of a comparison, as written. */
export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bare'; readonly text: string }
  | { readonly kind: 'keyword'; readonly value: boolean | null };

/** What Ivanti evaluates. */
export type Reading =
  | { readonly kind: 'all' }
  | { readonly kind: 'compare'; readonly field: string; readonly op: CompareOp; readonly literal: Literal }
  | { readonly kind: 'and' | 'or'; readonly terms: readonly Reading[] };

type Item =
  | { readonly kind: 'compare'; readonly field: string; readonly op: CompareOp; readonly literal: Literal }
  | { readonly kind: 'group'; readonly sequence: Sequence }
  | { readonly kind: 'dropped' };

interface Sequence {
  readonly items: readonly Item[];
  /** The operators between the items (`ops[i]` joins `items[i]` and `items[i + 1]`). */
  readonly ops: readonly ('and' | 'or')[];
}

const OPERATORS = new Set<string>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/** Ivanti's reading of a `$filter`; throws its 400 for what it refuses. */
export function readFilter(filter: string): Reading {
  const parser = new Parser(tokenize(filter));
  const sequence = parser.sequence();
  if (!parser.done()) failFilter();
  return interpret(sequence, true);
}

class Parser {
  readonly #tokens: readonly Token[];
  #at = 0;

  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  done(): boolean {
    return this.#at >= this.#tokens.length;
  }

  sequence(): Sequence {
    const items: Item[] = [this.item()];
    const ops: ('and' | 'or')[] = [];
    for (;;) {
      const token = this.#tokens[this.#at];
      const word = token?.kind === 'word' ? token.text.toLowerCase() : undefined;
      if (word !== 'and' && word !== 'or') return { items, ops };
      this.#at += 1;
      ops.push(word);
      items.push(this.item());
    }
  }

  item(): Item {
    const token = this.next();
    if (token.kind === '(') {
      const sequence = this.sequence();
      this.expect(')');
      return { kind: 'group', sequence };
    }
    if (token.kind !== 'word') return failFilter();
    const following = this.#tokens[this.#at];
    if (token.text.toLowerCase() === 'not') {
      if (following?.kind !== '(') return failFilter();
      this.#at += 1;
      this.sequence();
      this.expect(')');
      return { kind: 'dropped' };
    }
    if (following?.kind === '(') {
      if (token.text.toLowerCase() === 'substringof') return failFilter();
      this.#at += 1;
      this.skipArguments(token.text);
      // A function compared with a value (`year(CreatedDateTime) eq 2025`) is dropped with its comparison.
      const op = this.#tokens[this.#at];
      if (op?.kind === 'word' && OPERATORS.has(op.text.toLowerCase())) {
        this.#at += 1;
        this.literal(token.text);
      }
      return { kind: 'dropped' };
    }
    const op = this.next();
    if (op.kind !== 'word' || !OPERATORS.has(op.text.toLowerCase())) return failFilter();
    return { kind: 'compare', field: token.text, op: op.text.toLowerCase() as CompareOp, literal: this.literal(token.text) };
  }

  literal(field: string): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value };
      case 'bare':
        return { kind: 'bare', text: token.text };
      case 'typed':
        return failTyped(field);
      case 'word': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return { kind: 'keyword', value: word === 'true' };
        if (word === 'null') return { kind: 'keyword', value: null };
        return failFilter();
      }
      default:
        return failFilter();
    }
  }

  /** Skips a function's arguments up to its closing parenthesis (Ivanti never evaluates them). */
  skipArguments(name: string): void {
    let depth = 1;
    while (depth > 0) {
      const token = this.next();
      if (token.kind === '(') depth += 1;
      else if (token.kind === ')') depth -= 1;
      else if (token.kind === 'typed') failTyped(name);
    }
  }

  next(): Token {
    const token = this.#tokens[this.#at];
    if (token === undefined) return failFilter();
    this.#at += 1;
    return token;
  }

  expect(kind: ')'): void {
    if (this.next().kind !== kind) failFilter();
  }
}

/** A typed literal is refused with a message that blames the field, not the literal. */
function failTyped(field: string): never {
  return failFilter(`Invalid Filter Value for the field '${field}'. Provide a valid Filter value and try again`);
}

/** The reading of a sequence; `leading` says whether its first item sits at the very start of the filter. */
function interpret(sequence: Sequence, leading: boolean): Reading {
  const kept: Reading[] = [];
  const ops: ('and' | 'or')[] = [];
  sequence.items.forEach((item, index) => {
    const reading = item.kind === 'compare' ? item : item.kind === 'group' && index === 0 && leading ? interpret(item.sequence, true) : undefined;
    if (reading === undefined) return; // dropped, with the operator that joined it
    if (kept.length > 0) ops.push(sequence.ops[index - 1] ?? 'and');
    kept.push(reading);
  });
  if (kept.length === 0) return { kind: 'all' };
  if (kept.length === 1) return kept[0] as Reading;
  const firstOr = ops.indexOf('or');
  if (firstOr >= 0 && ops.indexOf('and', firstOr) >= 0) return { kind: 'and', terms: kept };
  const runs: Reading[][] = [[kept[0] as Reading]];
  ops.forEach((op, index) => {
    const term = kept[index + 1] as Reading;
    if (op === 'or') runs.push([term]);
    else runs[runs.length - 1]?.push(term);
  });
  const terms = runs.map((run): Reading => (run.length === 1 ? (run[0] as Reading) : { kind: 'and', terms: run }));
  return terms.length === 1 ? (terms[0] as Reading) : { kind: 'or', terms };
}
