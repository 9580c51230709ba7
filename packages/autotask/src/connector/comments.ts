/**
 * Ticket notes as the model's `Comment`, public or internal by their `publish` value.
 *
 * @module
 */
import type { Comment, CommentVisibility } from '@itsm/core';
import type { Picklist } from '../picklists.js';
import { AUTOTASK } from '../provider.js';
import type { AutotaskTicketNote } from '../schemas/entities.js';
import { autotaskTimestamps } from './dates.js';
import { contactRef, resourceRef } from './users.js';

/**
 * Whether a `publish` value is internal: the value configured as internal, or one whose label
 * speaks of "internal" (Internal Only, Internal & Co-managed); anything else (All Autotask Users) is public.
 *
 * @param publish - The note's `publish` value.
 * @param picklist - The `publish` picklist.
 * @param internal - The value configured as internal, if any.
 * @category Mapping
 */
export function autotaskNoteVisibility(publish: number | null | undefined, picklist: Picklist | undefined, internal?: number | string): CommentVisibility {
  if (publish === null || publish === undefined) return 'public';
  if (internal !== undefined && String(internal) === String(publish)) return 'internal';
  return /internal/i.test(picklist?.label(publish) ?? '') ? 'internal' : 'public';
}

/**
 * A ticket note as a `Comment`: the description as the body (the title before it when the note has
 * one that the description does not start with), visibility by `publish`, author the creating
 * resource or contact.
 *
 * @param note - The note.
 * @param visibility - Its visibility.
 * @throws `ResponseShapeError` when the note has no `createDateTime`.
 * @category Mapping
 */
export function autotaskNoteToComment(note: AutotaskTicketNote, visibility: CommentVisibility): Comment {
  const description = note.description ?? '';
  const title = note.title?.trim();
  const body = title && !description.startsWith(title) ? `${title}\n\n${description}` : description;
  const author = note.creatorResourceID ? resourceRef(note.creatorResourceID) : note.createdByContactID ? contactRef(note.createdByContactID) : undefined;
  return {
    provider: AUTOTASK,
    id: String(note.id),
    ticketId: String(note.ticketID ?? ''),
    body,
    visibility,
    ...(author === undefined ? {} : { author }),
    createdAt: autotaskTimestamps.required(note.createDateTime ?? note.lastActivityDate, 'createDateTime', note),
    raw: note,
  };
}
