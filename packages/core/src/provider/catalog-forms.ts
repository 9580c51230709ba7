/**
 * Connector pieces for catalog forms: a cache of forms read (so that `catalog.submit()` right after
 * `catalog.form()` checks the answers without reading the form again), the checked options of
 * `catalog.submit()` and the query of `catalog.choices()`, and the field a `choices()` call names.
 *
 * @module
 */
import {
  CatalogSubmitOptionsSchema,
  ChoicesQuerySchema,
  InputError,
  cached,
  parseInput,
  type Cached,
  type CatalogForm,
  type FormChoice,
  type FormField,
  type PersonInput,
  type ProviderId,
} from '@itsm/core';
import { newIdempotencyKey, type IdempotencyKey } from './idempotency.js';

/**
 * How long a form read is kept by default: five minutes.
 *
 * @category Utilities
 */
export const FORM_CACHE_TTL_MS = 5 * 60_000;

/**
 * How many forms a {@link FormCache} keeps by default; the oldest read is dropped first.
 *
 * @category Utilities
 */
export const FORM_CACHE_MAX_ITEMS = 200;

/**
 * Forms by catalog item id, each read once and then kept a while; see {@link createFormCache}.
 *
 * @category Utilities
 */
export interface FormCache {
  /**
   * The item's form, read when it is not kept (or is older than the cache's `ttlMs`).
   *
   * @param itemId - The catalog item's id (already checked).
   */
  get(itemId: string): Promise<CatalogForm>;
  /** Forgets every form kept. */
  clear(): void;
}

/**
 * Options of {@link createFormCache}.
 *
 * @category Utilities
 */
export interface FormCacheOptions {
  /** How long a form is kept, in ms. Default {@link FORM_CACHE_TTL_MS}. */
  ttlMs?: number | undefined;
  /** How many forms are kept at most. Default {@link FORM_CACHE_MAX_ITEMS}. */
  maxItems?: number | undefined;
  /** The clock, in ms. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * A cache of forms by item id, over a function that reads one. A read that fails is not kept.
 *
 * @param load - Reads an item's form.
 * @param options - `ttlMs`, `maxItems`, `now`.
 * @example
 * ```ts
 * const forms = createFormCache((itemId) => readForm(itemId));
 * const form = await forms.get('25'); // read
 * await forms.get('25');              // kept: no request
 * ```
 *
 * @category Utilities
 */
export function createFormCache(load: (itemId: string) => Promise<CatalogForm>, options: FormCacheOptions = {}): FormCache {
  const ttlMs = options.ttlMs ?? FORM_CACHE_TTL_MS;
  const maxItems = options.maxItems ?? FORM_CACHE_MAX_ITEMS;
  const entries = new Map<string, Cached<CatalogForm>>();
  return {
    get(itemId) {
      let entry = entries.get(itemId);
      if (entry === undefined) {
        entry = cached(() => load(itemId), { ttlMs, ...(options.now === undefined ? {} : { now: options.now }) });
        entries.set(itemId, entry);
        if (entries.size > maxItems) entries.delete(entries.keys().next().value as string);
      }
      return entry.get();
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * The options of a `catalog.submit()` call, checked.
 *
 * @category Inputs
 */
export interface SubmitOptions {
  /** The employee the request is for. */
  forUser: PersonInput;
  /** The idempotency key: the one given, or a new one. */
  key: IdempotencyKey;
}

/**
 * Checks the options of `catalog.submit()` (`forUser` is required, unknown keys are refused) and
 * picks its idempotency key: the one given, or a new one.
 *
 * @param provider - The provider, named by the `InputError`.
 * @param options - The options as the caller gave them.
 * @throws `InputError` naming `options.forUser`, `options.idempotencyKey` or the unknown option.
 * @category Inputs
 */
export function parseSubmitOptions(provider: ProviderId, options: unknown): SubmitOptions {
  const parsed = parseInput(CatalogSubmitOptionsSchema, options ?? {}, 'options', { provider });
  const key = parsed.idempotencyKey === undefined ? { key: newIdempotencyKey(), given: false } : { key: parsed.idempotencyKey, given: true };
  return { forUser: parsed.forUser, key };
}

/**
 * The query of a `catalog.choices()` call, checked.
 *
 * @category Inputs
 */
export interface ParsedChoicesQuery {
  /** The answers given so far, by field id. */
  answers: Readonly<Record<string, unknown>>;
  /** The search text, trimmed; absent when none (or blank). */
  search: string | undefined;
}

/**
 * Checks the query of `catalog.choices()`.
 *
 * @param provider - The provider, named by the `InputError`.
 * @param query - The query as the caller gave it.
 * @throws `InputError` naming `query.<key>`.
 * @category Inputs
 */
export function parseChoicesQuery(provider: ProviderId, query: unknown): ParsedChoicesQuery {
  const parsed = parseInput(ChoicesQuerySchema, query ?? {}, 'query', { provider });
  return { answers: parsed.answers ?? {}, search: parsed.search === undefined || parsed.search === '' ? undefined : parsed.search };
}

/**
 * The field of a form a `choices()` call names: a choice field or a person.
 *
 * @param provider - The provider, named by the `InputError`.
 * @param form - The form.
 * @param fieldId - The field's id.
 * @throws `InputError` naming `fieldId` when the form has no such field, or it takes no choices.
 * @category Inputs
 */
export function choiceField(provider: ProviderId, form: CatalogForm, fieldId: string): FormField {
  const field = form.fields.find((candidate) => candidate.id === fieldId);
  if (field === undefined) {
    throw new InputError(`fieldId: "${fieldId}" is not a field of ${form.name} (its fields: ${form.fields.map((candidate) => candidate.id).join(', ') || 'none'})`, { provider, field: 'fieldId' });
  }
  if (field.kind !== 'single_choice' && field.kind !== 'multiple_choice' && field.kind !== 'user') {
    throw new InputError(`fieldId: "${field.label}" is a ${field.kind} field, which takes no choices`, { provider, field: 'fieldId' });
  }
  return field;
}

/**
 * The choices whose label (or id) holds the search text, without case; all of them without one.
 *
 * @param choices - The choices.
 * @param search - The text, if any.
 * @category Inputs
 */
export function searchChoices(choices: readonly FormChoice[], search: string | undefined): FormChoice[] {
  if (search === undefined) return [...choices];
  const needle = search.toLowerCase();
  return choices.filter((choice) => choice.label.toLowerCase().includes(needle) || choice.id.toLowerCase() === needle);
}
