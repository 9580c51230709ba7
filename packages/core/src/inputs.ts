/**
 * What callers give the connectors: strict zod schemas for ticket creation, updates, queries,
 * comments and uploads, and {@link parseInput}, which turns a schema failure into an
 * {@link InputError} naming the field — before any request is made.
 *
 * Inputs are strict: an unknown key is an error, never silently ignored.
 *
 * @module
 */
import * as z from 'zod/mini';
import { InputError, type SchemaIssue } from './errors.js';
import type { ProviderId } from './model.js';
import { safeParseInEnglish } from './schema-messages.js';
import { PRIORITY_LEVELS, STATUS_CATEGORIES, TicketTypeSchema, CommentVisibilitySchema } from './model.js';

const EMAIL = /^[^\s@\u0000-\u001f\u007f]+@[^\s@\u0000-\u001f\u007f]+\.[^\s@\u0000-\u001f\u007f]+$/;

/** Any control character: C0 (NUL, line breaks, tab, ...) and DEL. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A control character other than a tab or a line break. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A non-empty string, surrounding white space removed. */
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** A non-empty, one-line string: no line breaks, tabs, NUL or other control characters. */
const line = text.check(z.refine((value) => !CONTROL.test(value), 'must be a single line without control characters (line breaks, tabs, NUL)'));

/** Text of several lines: tabs and line breaks are fine, NUL and other control characters are not. */
const multiline = z.string().check(z.refine((value) => !CONTROL_IN_TEXT.test(value), 'must not contain control characters other than tabs and line breaks (NUL, ...)'));

/**
 * The longest id or key accepted as input, in characters.
 *
 * @category Inputs
 */
export const MAX_ID_LENGTH = 255;

/**
 * An id or key given as input (`HELP-12`, `10001`, an account id): a non-empty string of at most
 * {@link MAX_ID_LENGTH} characters, without control characters (line breaks, NUL, ...) and without
 * white space at either end. A number is refused: ids are strings in the model.
 *
 * @category Schemas
 */
export const RecordIdSchema = z.string({ error: 'must be an id or key (a string)' }).check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`),
  z.refine((value) => !CONTROL.test(value), 'must not contain control characters (line breaks, NUL, ...)'),
  z.refine((value) => value.trim() === value && value.trim() !== '', 'must not be blank or have white space at either end'),
);

/** A person as a bare string: an email address when it contains `@`, else a provider id. */
const personText = line.check(
  z.refine((value) => value.length <= MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`),
  z.refine((value) => !value.includes('@') || EMAIL.test(value), 'must be an email address (give { id } for an id that contains @)'),
);

/**
 * An email address given as input: trimmed, of the form `name@domain.tld`, at most 254 characters.
 *
 * @category Schemas
 */
export const EmailSchema = z.string().check(
  z.trim(),
  z.maxLength(254, 'must be at most 254 characters'),
  z.regex(EMAIL, 'must be an email address'),
);

/**
 * A person given as input: an email address, a provider id, or an object naming either.
 * A bare string containing `@` must be an email address, anything else is an id; use `{ id }` for
 * an id that contains `@`.
 *
 * @category Schemas
 */
export const PersonInputSchema = z.union([
  personText,
  z.strictObject({ email: EmailSchema }),
  z.strictObject({ id: RecordIdSchema }),
]);
/**
 * @see {@link PersonInputSchema}
 *
 * @category Inputs
 */
export type PersonInput = z.infer<typeof PersonInputSchema>;

/**
 * A person input resolved to what it names.
 *
 * @category Inputs
 */
export type PersonLookup = { email: string } | { id: string };

/**
 * Reads a {@link PersonInput}: `'ann@example.com'` and `{ email }` name an email address,
 * any other string and `{ id }` name a provider id.
 *
 * @param person - The input, already validated.
 * @category Inputs
 */
export function resolvePersonInput(person: PersonInput): PersonLookup {
  if (typeof person !== 'string') return person;
  return EMAIL.test(person) ? { email: person } : { id: person };
}

/** The values of an enum a caller may set: all but `unknown`, which is only ever read. */
function settable<T extends string>(values: readonly T[]): Exclude<T, 'unknown'>[] {
  return values.filter((value): value is Exclude<T, 'unknown'> => value !== 'unknown');
}

/**
 * Priority levels a caller may set (`unknown` is only ever read).
 *
 * @category Schemas
 */
export const PriorityInputSchema = z.enum(settable(PRIORITY_LEVELS));
/**
 * @see {@link PriorityInputSchema}
 *
 * @category Inputs
 */
export type PriorityInput = z.infer<typeof PriorityInputSchema>;
/**
 * Status categories a caller may ask for (`unknown` is only ever read).
 *
 * @category Schemas
 */
export const StatusInputSchema = z.enum(settable(STATUS_CATEGORIES));
/**
 * @see {@link StatusInputSchema}
 *
 * @category Inputs
 */
export type StatusInput = z.infer<typeof StatusInputSchema>;

/** Provider fields to set as they are, by the provider's field name (e.g. `customfield_10010`). */
const providerFields = z.record(z.string().check(z.minLength(1)), z.unknown());

/**
 * Input of `tickets.create()`.
 *
 * @category Schemas
 */
export const CreateTicketInputSchema = z.strictObject({
  /** One-line summary: no line breaks or other control characters. */
  subject: line,
  /** Plain text (Markdown where the provider renders it); tabs and line breaks, no other control characters. */
  description: z.optional(multiline),
  /** Defaults to the connector's configured type, usually `incident`. */
  type: z.optional(TicketTypeSchema),
  /** Who the ticket is for. Email or id. */
  requester: z.optional(PersonInputSchema),
  /** Who works on it. Email or id. */
  assignee: z.optional(PersonInputSchema),
  priority: z.optional(PriorityInputSchema),
  /** Team, queue or group, by the provider's id or name. */
  team: z.optional(line),
  /**
   * Create the ticket, then move it to this category (e.g. `resolved` to log a request the bot
   * already solved).
   */
  status: z.optional(StatusInputSchema),
  /** Provider fields to set as they are. */
  providerFields: z.optional(providerFields),
});
/**
 * @see {@link CreateTicketInputSchema}
 *
 * @category Inputs
 */
export type CreateTicketInput = z.input<typeof CreateTicketInputSchema>;

/**
 * Input of `tickets.update()`: only the fields given change. `null` clears a field.
 *
 * @category Schemas
 */
export const UpdateTicketInputSchema = z.strictObject({
    subject: z.optional(line),
    description: z.optional(z.nullable(multiline)),
    type: z.optional(TicketTypeSchema),
    assignee: z.optional(z.nullable(PersonInputSchema)),
    priority: z.optional(PriorityInputSchema),
    team: z.optional(z.nullable(line)),
    providerFields: z.optional(providerFields),
    /** Not accepted here: a status changes through `tickets.transition()`. */
    status: z.optional(z.never({ error: 'cannot be updated; use tickets.transition() to change the status' })),
  }).check(z.refine((patch) =>
      Object.entries(patch).some(([key, value]) =>
        key === 'providerFields' ? Object.keys(value ?? {}).length > 0 : value !== undefined,
      ), { message: 'must change at least one field' }));
/**
 * @see {@link UpdateTicketInputSchema}
 *
 * @category Inputs
 */
export type UpdateTicketInput = z.input<typeof UpdateTicketInputSchema>;

const dateInput = z.union([
  z.date().check(z.refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date')),
  z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' }),
]);

/**
 * Input of `tickets.list()`: every filter given must hold (AND).
 *
 * @category Schemas
 */
export const TicketQuerySchema = z.strictObject({
  /** Tickets raised by or for this person. Email or id. */
  requester: z.optional(PersonInputSchema),
  /** Tickets assigned to this person. Email or id. */
  assignee: z.optional(PersonInputSchema),
  /** Tickets in any of these categories. */
  categories: z.optional(z.array(StatusInputSchema).check(z.minLength(1, 'must name at least one category'))),
  /** Tickets of any of these types. */
  type: z.optional(z.union([TicketTypeSchema, z.array(TicketTypeSchema).check(z.minLength(1, 'must name at least one type'))])),
  /** Tickets updated at or after this instant. */
  updatedSince: z.optional(dateInput),
  /** Newest first (default) or oldest first, by last update. */
  order: z.optional(z.enum(['updated_desc', 'updated_asc'])),
  /** Items per page asked of the provider (the provider's maximum applies). */
  pageSize: z.optional(z.int().check(z.positive(), z.lte(1000))),
});
/**
 * @see {@link TicketQuerySchema}
 *
 * @category Inputs
 */
export type TicketQuery = z.input<typeof TicketQuerySchema>;

/**
 * Input of `comments.add()`.
 *
 * @category Schemas
 */
export const CommentInputSchema = z.strictObject({
  /** Plain text; tabs and line breaks, no other control characters. */
  body: z.pipe(text, multiline),
  /** Default `public`: the requester sees it. */
  visibility: z._default(CommentVisibilitySchema, 'public'),
});
/**
 * @see {@link CommentInputSchema}
 *
 * @category Inputs
 */
export type CommentInput = z.input<typeof CommentInputSchema>;

/**
 * Options of `tickets.transition()`.
 *
 * @category Schemas
 */
export const TransitionOptionsSchema = z.strictObject({
  /** A comment to add with the transition. */
  comment: z.optional(z.pipe(text, multiline)),
  /** Visibility of that comment; default `public`. */
  commentVisibility: z.optional(CommentVisibilitySchema),
  /** Resolution name for providers that record one (Jira); a sensible default is used otherwise. */
  resolution: z.optional(line),
}).check(z.refine((options) => options.commentVisibility === undefined || options.comment !== undefined, {
  message: 'needs a comment to apply to',
  path: ['commentVisibility'],
}));
/**
 * @see {@link TransitionOptionsSchema}
 *
 * @category Inputs
 */
export type TransitionOptions = z.input<typeof TransitionOptionsSchema>;

const fileContent = z.custom<Uint8Array | ArrayBuffer | Blob>(
  (value) => value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof Blob,
  'must be a Uint8Array, ArrayBuffer, Buffer or Blob',
);

/**
 * A file to upload with `attachments.upload()`.
 *
 * @category Schemas
 */
export const FileInputSchema = z.strictObject({
  /** The name the file gets, with its extension. */
  filename: line.check(
    z.refine((name) => !/[\\/]/.test(name), 'must be a file name, not a path'),
    z.refine((name) => name.length <= MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`),
  ),
  /** The bytes. */
  content: fileContent,
  /** MIME type; guessed by the provider when omitted. */
  contentType: z.optional(z.string().check(z.trim(), z.regex(/^[\w.+-]+\/[\w.+-]+(;.*)?$/, 'must be a MIME type such as text/plain'))),
});
/**
 * @see {@link FileInputSchema}
 *
 * @category Inputs
 */
export type FileInput = z.input<typeof FileInputSchema>;

/**
 * An idempotency key: 1 to 255 visible ASCII characters (letters, digits, punctuation; no spaces),
 * e.g. a UUID or your own job id. See {@link CreateTicketOptions}.
 *
 * @category Schemas
 */
export const IdempotencyKeySchema = z.string({ error: 'must be a string of 1 to 255 visible ASCII characters' }).check(z.regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 visible ASCII characters (letters, digits, punctuation; no spaces), e.g. a UUID'));

/**
 * Options of `tickets.create()`.
 *
 * @category Schemas
 */
export const CreateTicketOptionsSchema = z.strictObject({
  /**
   * Makes the create safe to repeat: the connector keeps the key with the ticket (where the provider
   * can carry it; see `capabilities.createIdempotency`), returns the ticket that already has it
   * instead of making a second one, and finds the ticket again when the create's answer is lost. A
   * key is generated when none is given, so a lost answer is still recovered. Give your own (a job
   * id, a chat message id) to make a retry after a crash or a timeout safe. Honoured for at least
   * {@link IDEMPOTENCY_KEY_WINDOW_MS}.
   */
  idempotencyKey: z.optional(IdempotencyKeySchema),
});
/**
 * @see {@link CreateTicketOptionsSchema}
 *
 * @category Inputs
 */
export type CreateTicketOptions = z.input<typeof CreateTicketOptionsSchema>;

/**
 * Options of `comments.add()`: an idempotency key, as for `tickets.create()` (see `capabilities.commentIdempotency`).
 *
 * @category Schemas
 */
export const AddCommentOptionsSchema = z.strictObject({
  /** Makes the comment safe to add again; see {@link CreateTicketOptionsSchema}. */
  idempotencyKey: z.optional(IdempotencyKeySchema),
});
/**
 * @see {@link AddCommentOptionsSchema}
 *
 * @category Inputs
 */
export type AddCommentOptions = z.input<typeof AddCommentOptionsSchema>;

/**
 * How long an idempotency key is honoured at least: 24 hours, as Stripe does. A create with a key
 * used longer ago may make a second record (Jira, for one, looks for the key among the records made
 * in that window).
 *
 * @category Inputs
 */
export const IDEMPOTENCY_KEY_WINDOW_MS = 24 * 60 * 60_000;

function toIssues(error: z.core.$ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}

function dotted(path: (string | number)[], root: string): string {
  return [root, ...path.map(String)].filter(Boolean).join('.');
}

/**
 * Validates caller input against a schema. Returns the parsed value, or throws an
 * {@link InputError} whose `field` names the first offending field (prefixed by `root`) and whose
 * message lists every problem.
 *
 * @param schema - The schema.
 * @param value - What the caller gave.
 * @param root - Name of the argument, used as the prefix of field paths (e.g. `input`, `query`); empty for none.
 * @param options - `provider`: the provider the input was meant for, set on the `InputError`
 *   (connectors pass theirs, so every input error names it).
 * @example
 * ```ts
 * const input = parseInput(CreateTicketInputSchema, raw, 'input', { provider: 'jira-cloud' });
 * // throws InputError: input.subject: must not be empty
 * ```
 *
 * @category Inputs
 */
export function parseInput<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  root = '',
  options: { provider?: ProviderId | undefined } = {},
): z.output<S> {
  const result = safeParseInEnglish(schema, value);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  for (const error of result.error.issues) {
    if (error.code === 'unrecognized_keys') {
      // Name each unknown key as its own field, so the error points at it.
      const index = issues.findIndex((issue) => issue.message === error.message);
      const replacement = error.keys.map((key) => ({
        path: [...error.path.map((k) => (typeof k === 'number' ? k : String(k))), key],
        message: 'is not a known field',
      }));
      issues.splice(index, 1, ...replacement);
    }
  }
  const first = issues[0] ?? { path: [], message: 'is invalid' };
  const field = dotted(first.path, root);
  const message = issues
    .map((issue) => `${dotted(issue.path, root) || 'input'}: ${issue.message}`)
    .join('; ');
  const rooted = issues.map((issue) => ({ ...issue, path: root ? [root, ...issue.path] : issue.path }));
  throw new InputError(message, { provider: options.provider, field, issues: rooted });
}
