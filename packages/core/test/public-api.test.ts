// Type-level tests of the public API: checked by `tsc` (pnpm typecheck) and by vitest at run time.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AccessReport,
  ApiError,
  ChangesResult,
  Comment,
  CreateTicketInput,
  ItsmConnector,
  Page,
  Paginator,
  ProviderId,
  RateLimitError,
  StatusCategory,
  Ticket,
  TicketQuery,
  User,
} from '../src/index.js';
import * as core from '../src/index.js';

describe('public API types', () => {
  it('keeps raw payloads unknown, never any', () => {
    expectTypeOf<Ticket['raw']>().toBeUnknown();
    expectTypeOf<User['raw']>().toBeUnknown();
    expectTypeOf<Ticket['customFields']>().toEqualTypeOf<Record<string, unknown>>();
  });

  it('names the status categories and the known providers', () => {
    expectTypeOf<StatusCategory>().toEqualTypeOf<'open' | 'in_progress' | 'waiting_for_user' | 'resolved' | 'closed' | 'unknown'>();
    expectTypeOf<'jira-cloud'>().toMatchTypeOf<ProviderId>();
    expectTypeOf<Ticket['status']>().toEqualTypeOf<{ category: StatusCategory; native: { id?: string | undefined; name: string } }>();
  });

  it('types the connector operations', () => {
    expectTypeOf<ItsmConnector['tickets']['get']>().returns.resolves.toEqualTypeOf<Ticket>();
    expectTypeOf<ItsmConnector['tickets']['list']>().parameter(0).toEqualTypeOf<TicketQuery | undefined>();
    expectTypeOf<ItsmConnector['tickets']['list']>().returns.toEqualTypeOf<Paginator<Ticket>>();
    expectTypeOf<ItsmConnector['tickets']['changes']>().returns.resolves.toEqualTypeOf<ChangesResult<Ticket>>();
    expectTypeOf<ItsmConnector['tickets']['watch']>().returns.toEqualTypeOf<AsyncIterable<Ticket>>();
    expectTypeOf<ItsmConnector['comments']['add']>().returns.resolves.toEqualTypeOf<Comment>();
    expectTypeOf<ItsmConnector['users']['findByEmail']>().returns.resolves.toEqualTypeOf<User | null>();
    expectTypeOf<ItsmConnector['attachments']['download']>().returns.resolves.toEqualTypeOf<Uint8Array>();
    expectTypeOf<ItsmConnector['verifyAccess']>().returns.resolves.toEqualTypeOf<AccessReport>();
  });

  it('accepts people as emails or ids in inputs', () => {
    expectTypeOf<{ subject: string; requester: string }>().toMatchTypeOf<CreateTicketInput>();
    expectTypeOf<{ subject: string; requester: { id: string } }>().toMatchTypeOf<CreateTicketInput>();
    expectTypeOf<{ subject: string; status: 'resolved' }>().toMatchTypeOf<CreateTicketInput>();
    expectTypeOf<{ subject: string; status: 'unknown' }>().not.toMatchTypeOf<CreateTicketInput>();
  });

  it('paginates with typed pages and items', () => {
    expectTypeOf<Paginator<Ticket>>().toMatchTypeOf<AsyncIterable<Ticket>>();
    expectTypeOf<ReturnType<Paginator<Ticket>['pages']>>().toMatchTypeOf<AsyncIterable<Page<Ticket>>>();
    expectTypeOf<Paginator<Ticket>['toArray']>().returns.resolves.toEqualTypeOf<Ticket[]>();
    expectTypeOf<Paginator<Ticket>['map']>().toBeFunction();
  });

  it('exposes error details as typed fields', () => {
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<ApiError['fieldErrors']>().toEqualTypeOf<Record<string, string[]>>();
    expectTypeOf<RateLimitError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RateLimitError>().toMatchTypeOf<ApiError>();
    expectTypeOf(core.createTransport).parameter(0).toHaveProperty('auth');
  });
});
