/**
 * What callers give the connectors: strict zod schemas for ticket creation, updates, queries,
 * comments and uploads, and {@link parseInput}, which turns a schema failure into an
 * {@link InputError} naming the field — before any request is made.
 *
 * Inputs are strict: an unknown key is an error, never silently ignored.
 *
 * @module
 */
import { z } from 'zod';
import { InputError, type SchemaIssue } from './errors.js';
import type { ProviderId } from './model.js';
import { PriorityLevelSchema, StatusCategorySchema, TicketTypeSchema, CommentVisibilitySchema } from './model.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A non-empty string, surrounding white space removed. */
const text = z.string().trim().min(1, 'must not be empty');

/** A person as a bare string: an email address when it contains `@`, else a provider id. */
const personText = text.refine(
  (value) => !value.includes('@') || EMAIL.test(value),
  'must be an email address (give { id } for an id that contains @)',
);

/** An email address given as input: trimmed, and of the form `name@domain.tld`. */
export const EmailSchema = z.string().trim().regex(EMAIL, 'must be an email address');

/**
 * A person given as input: an email address, a provider id, or an object naming either.
 * A bare string containing `@` must be an email address, anything else is an id; use `{ id }` for
 * an id that contains `@`.
 */
export const PersonInputSchema = z.union([
  personText,
  z.strictObject({ email: EmailSchema }),
  z.strictObject({ id: text }),
]);
/** @see {@link PersonInputSchema} */
export type PersonInput = z.infer<typeof PersonInputSchema>;

/** A person input resolved to what it names. */
export type PersonLookup = { email: string } | { id: string };

/**
 * Reads a {@link PersonInput}: `'ann@example.com'` and `{ email }` name an email address,
 * any other string and `{ id }` name a provider id.
 *
 * @param person - The input, already validated.
 */
export function resolvePersonInput(person: PersonInput): PersonLookup {
  if (typeof person !== 'string') return person;
  return EMAIL.test(person) ? { email: person } : { id: person };
}

/** Priority levels a caller may set (`unknown` is only ever read). */
export const PriorityInputSchema = PriorityLevelSchema.exclude(['unknown']);
/** @see {@link PriorityInputSchema} */
export type PriorityInput = z.infer<typeof PriorityInputSchema>;
/** Status categories a caller may ask for (`unknown` is only ever read). */
export const StatusInputSchema = StatusCategorySchema.exclude(['unknown']);
/** @see {@link StatusInputSchema} */
export type StatusInput = z.infer<typeof StatusInputSchema>;

/** Provider fields to set as they are, by the provider's field name (e.g. `customfield_10010`). */
const providerFields = z.record(z.string().min(1), z.unknown());

/** Input of `tickets.create()`. */
export const CreateTicketInputSchema = z.strictObject({
  /** One-line summary. */
  subject: text,
  /** Plain text (Markdown where the provider renders it). */
  description: z.string().optional(),
  /** Defaults to the connector's configured type, usually `incident`. */
  type: TicketTypeSchema.optional(),
  /** Who the ticket is for. Email or id. */
  requester: PersonInputSchema.optional(),
  /** Who works on it. Email or id. */
  assignee: PersonInputSchema.optional(),
  priority: PriorityInputSchema.optional(),
  /** Team, queue or group, by the provider's id or name. */
  team: text.optional(),
  /**
   * Create the ticket, then move it to this category (e.g. `resolved` to log a request the bot
   * already solved).
   */
  status: StatusInputSchema.optional(),
  /** Provider fields to set as they are. */
  providerFields: providerFields.optional(),
});
/** @see {@link CreateTicketInputSchema} */
export type CreateTicketInput = z.input<typeof CreateTicketInputSchema>;

/** Input of `tickets.update()`: only the fields given change. `null` clears a field. */
export const UpdateTicketInputSchema = z
  .strictObject({
    subject: text.optional(),
    description: z.string().nullable().optional(),
    type: TicketTypeSchema.optional(),
    assignee: PersonInputSchema.nullable().optional(),
    priority: PriorityInputSchema.optional(),
    team: text.nullable().optional(),
    providerFields: providerFields.optional(),
    /** Not accepted here: a status changes through `tickets.transition()`. */
    status: z.never({ error: 'cannot be updated; use tickets.transition() to change the status' }).optional(),
  })
  .refine(
    (patch) =>
      Object.entries(patch).some(([key, value]) =>
        key === 'providerFields' ? Object.keys(value ?? {}).length > 0 : value !== undefined,
      ),
    { message: 'must change at least one field' },
  );
/** @see {@link UpdateTicketInputSchema} */
export type UpdateTicketInput = z.input<typeof UpdateTicketInputSchema>;

const dateInput = z.union([
  z.date().refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date'),
  z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' }),
]);

/** Input of `tickets.list()`: every filter given must hold (AND). */
export const TicketQuerySchema = z.strictObject({
  /** Tickets raised by or for this person. Email or id. */
  requester: PersonInputSchema.optional(),
  /** Tickets assigned to this person. Email or id. */
  assignee: PersonInputSchema.optional(),
  /** Tickets in any of these categories. */
  categories: z.array(StatusInputSchema).min(1, 'must name at least one category').optional(),
  /** Tickets of any of these types. */
  type: z.union([TicketTypeSchema, z.array(TicketTypeSchema).min(1, 'must name at least one type')]).optional(),
  /** Tickets updated at or after this instant. */
  updatedSince: dateInput.optional(),
  /** Newest first (default) or oldest first, by last update. */
  order: z.enum(['updated_desc', 'updated_asc']).optional(),
  /** Items per page asked of the provider (the provider's maximum applies). */
  pageSize: z.number().int().positive().max(1000).optional(),
});
/** @see {@link TicketQuerySchema} */
export type TicketQuery = z.input<typeof TicketQuerySchema>;

/** Input of `comments.add()`. */
export const CommentInputSchema = z.strictObject({
  /** Plain text. */
  body: text,
  /** Default `public`: the requester sees it. */
  visibility: CommentVisibilitySchema.default('public'),
});
/** @see {@link CommentInputSchema} */
export type CommentInput = z.input<typeof CommentInputSchema>;

/** Options of `tickets.transition()`. */
export const TransitionOptionsSchema = z.strictObject({
  /** A comment to add with the transition. */
  comment: text.optional(),
  /** Visibility of that comment; default `public`. */
  commentVisibility: CommentVisibilitySchema.optional(),
  /** Resolution name for providers that record one (Jira); a sensible default is used otherwise. */
  resolution: text.optional(),
}).refine((options) => options.commentVisibility === undefined || options.comment !== undefined, {
  message: 'needs a comment to apply to',
  path: ['commentVisibility'],
});
/** @see {@link TransitionOptionsSchema} */
export type TransitionOptions = z.input<typeof TransitionOptionsSchema>;

const fileContent = z.custom<Uint8Array | ArrayBuffer | Blob>(
  (value) => value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof Blob,
  'must be a Uint8Array, ArrayBuffer, Buffer or Blob',
);

/** A file to upload with `attachments.upload()`. */
export const FileInputSchema = z.strictObject({
  /** The name the file gets, with its extension. */
  filename: text.refine((name) => !/[\\/]/.test(name), 'must be a file name, not a path'),
  /** The bytes. */
  content: fileContent,
  /** MIME type; guessed by the provider when omitted. */
  contentType: z.string().trim().regex(/^[\w.+-]+\/[\w.+-]+(;.*)?$/, 'must be a MIME type such as text/plain').optional(),
});
/** @see {@link FileInputSchema} */
export type FileInput = z.input<typeof FileInputSchema>;

function toIssues(error: z.ZodError): SchemaIssue[] {
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
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root = '',
  options: { provider?: ProviderId | undefined } = {},
): z.output<S> {
  const result = schema.safeParse(value);
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
