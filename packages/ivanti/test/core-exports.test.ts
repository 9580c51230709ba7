// `npm install @itsm/ivanti` alone must be enough: what users touch from @itsm/core is re-exported,
// as the very same objects. The type-only re-exports are checked by compiling this file (typecheck).
import * as core from '@itsm/core';
import { describe, expect, it } from 'vitest';
import * as ivanti from '../src/index.js';
// Fails to compile (TS2305) if one of these is not exported.
import type {
  AccessReport,
  CommentVisibility,
  StatusCategory,
  Attachment,
  CatalogForm,
  CatalogItem,
  CatalogSubmitOptions,
  ChangesOptions,
  ChangesResult,
  Comment,
  CommentInput,
  ConnectorCapabilities,
  CreateTicketInput,
  FileInput,
  FormAnswers,
  FormField,
  ItsmConnector,
  Page,
  PersonInput,
  PriorityInput,
  PriorityLevel,
  SchemaIssue,
  StatusInput,
  Ticket,
  TicketQuery,
  TicketType,
  TransitionOptions,
  UpdateTicketInput,
  User,
  UserRef,
  WatchOptions,
} from '../src/index.js';

/** Every error class @itsm/core exports, found by what it is rather than listed. */
const coreErrorClasses = Object.entries(core).filter(
  ([, value]) => typeof value === 'function' && (value === core.ItsmError || value.prototype instanceof core.ItsmError),
);

describe('re-exports from @itsm/core', () => {
  it('has every error class of @itsm/core, as the same class', () => {
    expect(coreErrorClasses.length).toBeGreaterThan(10);
    for (const [name, value] of coreErrorClasses) expect(ivanti[name as keyof typeof ivanti], name).toBe(value);
  });

  it('has Paginator and the record schemas, as the same objects', () => {
    for (const name of ['Paginator', 'TicketSchema', 'UserSchema', 'CommentSchema', 'AttachmentSchema', 'CatalogItemSchema', 'StatusCategorySchema', 'CommentVisibilitySchema', 'CatalogFormSchema', 'checkFormAnswers', 'formFieldStatus'] as const) {
      expect(ivanti[name], name).toBe(core[name]);
    }
  });
});
