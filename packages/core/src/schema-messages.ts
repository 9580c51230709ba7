/**
 * Schema checks whose messages say what was expected and what was received, in English, whatever
 * locale the application configured for zod (if any).
 *
 * The SDK builds its schemas with `zod/mini`, which keeps zod's locales and its method-chaining API
 * out of users' bundles, but which configures no locale: a failed check reads only "Invalid input"
 * unless something loaded zod's English messages. {@link safeParseInEnglish} passes them with each
 * check (a schema's own messages, such as `must not be empty`, still come first), so an
 * `InputError` or a `ResponseShapeError` reads the same in every application, and loads only the
 * English locale, not all of them.
 *
 * @module
 */
import * as z from 'zod/mini';
import * as englishModule from 'zod/v4/locales/en.js';

/** What zod's English locale module exports by default: a function returning its messages. */
type LocaleFactory = () => { localeError: z.core.$ZodErrorMap };

/**
 * The locale's factory from what the build made of its default import: the function itself (ESM),
 * or the module's namespace object (the CommonJS build `require()`s the ES module, and takes its
 * namespace for the default export, as it would a CommonJS module's `module.exports`).
 */
function localeFactory(imported: unknown): LocaleFactory {
  if (typeof imported === 'function') return imported as LocaleFactory;
  const inner = (imported as { default?: unknown } | undefined)?.default;
  if (typeof inner === 'function') return inner as LocaleFactory;
  throw new TypeError("@itsm/core could not load zod's English messages (zod/v4/locales/en.js)");
}

/** zod's English messages, made on first use. */
let english: z.core.$ZodErrorMap | undefined;

/**
 * Checks a value against a schema (classic zod or `zod/mini`), with zod's English messages for every
 * issue whose schema gives no message of its own.
 *
 * @param schema - The schema.
 * @param value - The value to check.
 * @returns zod's result: the parsed value, or the error with its issues.
 */
export function safeParseInEnglish<S extends z.core.$ZodType>(schema: S, value: unknown): z.core.util.SafeParseResult<z.output<S>> {
  english ??= localeFactory(englishModule.default)().localeError;
  return z.safeParse(schema, value, { error: english });
}
