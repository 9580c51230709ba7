/**
 * Comments: platform comments as the model's `Comment`, public or internal.
 *
 * Visibility: a comment is `internal` when Jira Service Management says customers do not see it
 * (`jsdPublic: false`, or the `sd.public.comment` property `{ internal: true }`), or when it is
 * restricted to a role or group; otherwise it is `public`.
 *
 * @module
 */
import type { Comment, CommentVisibility } from '@itsm/core';
import { adfToText } from '../adf/index.js';
import { JSM_PUBLIC_COMMENT_PROPERTY } from '../resources/issue-comments.js';
import type { IssueComment } from '../schemas/comments.js';
import { jiraTimestamps } from './dates.js';
import { jiraUserRef } from './ticket.js';
import { JIRA_CLOUD } from '../provider.js';

/**
 * Whether customers see a comment: `internal` for JSM internal notes and role- or group-restricted
 * comments, `public` otherwise.
 *
 * @param comment - The platform comment.
 * @category Mapping
 */
export function jiraCommentVisibility(comment: IssueComment): CommentVisibility {
  if (comment.jsdPublic === false || comment.visibility !== undefined) return 'internal';
  const property = comment.properties?.find((candidate) => candidate.key === JSM_PUBLIC_COMMENT_PROPERTY);
  const value = property?.value as { internal?: unknown } | undefined;
  return value?.internal === true ? 'internal' : 'public';
}

/**
 * A platform comment as a `Comment`: plain-text body (from ADF), visibility, author, UTC time.
 *
 * @param comment - The comment.
 * @param ticketId - The issue id it belongs to.
 * @throws `ResponseShapeError` when the comment has no `created` timestamp.
 * @category Mapping
 */
export function jiraCommentToComment(comment: IssueComment, ticketId: string): Comment {
  return {
    provider: JIRA_CLOUD,
    id: comment.id,
    ticketId,
    body: comment.body ? adfToText(comment.body) : (comment.renderedBody ?? ''),
    visibility: jiraCommentVisibility(comment),
    ...(comment.author ? { author: jiraUserRef(comment.author) } : {}),
    createdAt: jiraTimestamps.required(comment.created, 'created', comment),
    raw: comment,
  };
}
