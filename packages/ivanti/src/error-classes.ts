/**
 * The errors only Ivanti has: an upload that stored some files and refused others (HTTP 300), a
 * status change Ivanti gates behind a prompt, and a write to a closed record, which Ivanti would
 * store although the record is final.
 *
 * @module
 */
import { ItsmError, ValidationError, type ApiErrorOptions, type ItsmErrorOptions } from '@itsm/core';

/**
 * What Ivanti said about one file of an upload.
 *
 * @category Errors
 */
export interface UploadedFileResult {
  /** The file name. */
  fileName: string;
  /** Whether Ivanti stored it. */
  uploaded: boolean;
  /** The attachment's RecId when stored; Ivanti's reason when refused (e.g. "Upload Failed, Invalid attachment type."). */
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The per-file results of an upload answer (`[{ FileName, IsUploaded, Message }]`), or `undefined`
 * when the body is not such a list.
 *
 * @param body - The response body.
 */
export function uploadResults(body: unknown): UploadedFileResult[] | undefined {
  if (!Array.isArray(body) || body.length === 0) return undefined;
  if (!body.every((item) => isRecord(item) && typeof item.IsUploaded === 'boolean')) return undefined;
  return body.map((item: Record<string, unknown>) => ({
    fileName: typeof item.FileName === 'string' ? item.FileName : '',
    uploaded: item.IsUploaded === true,
    message: typeof item.Message === 'string' ? item.Message : '',
  }));
}

/**
 * An attachment upload Ivanti refused, in whole or in part: HTTP 300 (`ISM_3000` "Validation
 * Error"), or a 200 in which a file says `IsUploaded: false`. `files` says what happened to each
 * file; `outcome` is `applied` when some files were stored (they are attached: do not upload them
 * again), `not_applied` when none was.
 *
 * @example
 * ```ts
 * try {
 *   await ivanti.attachments.upload({ category: 'Incident', recId }, [{ filename: 'trace.log', content }]);
 * } catch (error) {
 *   if (error instanceof AttachmentUploadError) console.log(error.refused.map((file) => `${file.fileName}: ${file.message}`));
 * }
 * ```
 *
 * @category Errors
 */
export class AttachmentUploadError extends ValidationError {
  static override readonly kind: string = 'AttachmentUploadError';
  /** Each file of the upload, as Ivanti reported it. */
  readonly files: UploadedFileResult[];

  constructor(message: string, options: ApiErrorOptions) {
    const files = uploadResults(options.body) ?? [];
    super(message, { ...options, outcome: files.some((file) => file.uploaded) ? 'applied' : 'not_applied' });
    this.files = files;
  }

  /** The files Ivanti refused. */
  get refused(): UploadedFileResult[] {
    return this.files.filter((file) => !file.uploaded);
  }

  /** The files Ivanti stored (their `message` is the attachment's RecId). */
  get uploaded(): UploadedFileResult[] {
    return this.files.filter((file) => file.uploaded);
  }
}

/** Finds the prompted fields an Ivanti prompt refusal names, where its text names them. */
export function promptedFields(body: unknown): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  const fields = new Set<string>();
  for (const match of text.matchAll(/\\?"FieldName\\?"\s*:\s*\\?"([A-Za-z0-9_]+)\\?"/g)) fields.add(match[1] as string);
  const listed = /prompted value\(s\)\s+(.+?)\s+to change/i.exec(text)?.[1];
  for (const name of listed?.split(/\s*,\s*/) ?? []) if (name.trim() !== '') fields.add(name.trim());
  return [...fields];
}

/**
 * A write Ivanti refused because a prompt must answer it first (`400 ISM_4000` whose body holds
 * `DataLayer.PromptException`): some status changes (typically to `Resolved` or `Closed`) ask for
 * values through a prompt that the OData API cannot show. Set the prompted fields in the same
 * write (for an incident usually `Resolution` and `CauseCode`), or run the quick action that
 * carries the prompt (e.g. `Close_Incident`, see `businessObject(...).quickAction()`).
 *
 * @category Errors
 */
export class PromptRequiredError extends ValidationError {
  static override readonly kind: string = 'PromptRequiredError';
  /** The prompted fields the answer names, when it names them (display names, e.g. `Cause Code`). */
  readonly fields: string[];

  constructor(message: string, options: ApiErrorOptions) {
    super(message, options);
    this.fields = promptedFields(options.body);
  }
}

/**
 * Options of a {@link ClosedRecordError}.
 *
 * @category Errors
 */
export interface ClosedRecordErrorOptions extends ItsmErrorOptions {
  /** The entity set, e.g. `incidents`. */
  businessObject: string;
  /** The record's RecId. */
  recId: string;
  /** Its status, e.g. `Closed`. */
  status: string | undefined;
}

/**
 * A write to a closed (read-only) record, refused by the SDK before it was sent. Ivanti treats
 * `Closed` as final (the UI and DELETE refuse it), yet stores a PATCH to a closed record; the SDK
 * does not let that happen by accident. Nothing was sent (`outcome: 'not_applied'`). Pass
 * `allowClosed: true` to `update()` to write anyway.
 *
 * @category Errors
 */
export class ClosedRecordError extends ItsmError {
  static override readonly kind: string = 'ClosedRecordError';
  /** The entity set. */
  readonly businessObject: string;
  /** The record's RecId. */
  readonly recId: string;
  /** Its status, when it has one. */
  readonly status: string | undefined;

  constructor(message: string, options: ClosedRecordErrorOptions) {
    super(message, { outcome: 'not_applied', ...options });
    this.businessObject = options.businessObject;
    this.recId = options.recId;
    this.status = options.status;
  }
}
