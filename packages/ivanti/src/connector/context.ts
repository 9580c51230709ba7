/**
 * What every part of the connector shares: the client, the settings, the status mapping, and
 * finding a ticket by id or key (remembering which kind each RecId is, so that a RecId is read from
 * the right business object at once).
 *
 * @internal
 * @module
 */
import { AmbiguousMatchError, NotFoundError, type Ticket } from '@itsm/core';
import type { IvantiClient } from '../client.js';
import { odata } from '../odata/builder.js';
import { IVANTI } from '../provider.js';
import type { BusinessObjectResource } from '../resources/business-object.js';
import type { Incident, ServiceRequest } from '../schemas/tickets.js';
import { TICKET_KINDS, type TicketKind } from './kinds.js';
import type { ResolvedConnectorOptions } from './options.js';
import { createStatusMapper, type IvantiStatusMapper } from './status-map.js';
import { ivantiRecordToTicket } from './ticket.js';
import type { TicketRef } from './ticket-ref.js';

/** A ticket record with its kind. */
export interface FoundTicket {
  /** Its kind. */
  kind: TicketKind;
  /** The record, read whole. */
  record: Incident | ServiceRequest;
}

/** How many RecId → kind pairs the connector remembers. */
const REMEMBERED_KINDS = 10_000;

/** The connector's shared state. */
export class ConnectorContext {
  readonly provider = IVANTI;
  readonly client: IvantiClient;
  readonly options: ResolvedConnectorOptions;
  readonly statusCategory: IvantiStatusMapper;
  readonly #kinds = new Map<string, TicketKind>();

  constructor(options: ResolvedConnectorOptions) {
    this.options = options;
    this.client = options.client;
    this.statusCategory = createStatusMapper(options.statusMap, options.targets);
  }

  /** The business object of a kind of ticket. */
  resource(kind: TicketKind): BusinessObjectResource<Incident | ServiceRequest> {
    return (kind === 'incident' ? this.client.incidents : this.client.serviceRequests) as BusinessObjectResource<Incident | ServiceRequest>;
  }

  /** Remembers the kind of a RecId (the oldest pairs are forgotten past {@link REMEMBERED_KINDS}). */
  remember(recId: string, kind: TicketKind): void {
    const key = recId.toUpperCase();
    this.#kinds.delete(key);
    this.#kinds.set(key, kind);
    if (this.#kinds.size > REMEMBERED_KINDS) this.#kinds.delete(this.#kinds.keys().next().value as string);
  }

  /** A record as a ticket of this connector (its mapping, its Self Service link); remembers its kind. */
  async toTicket(record: Incident | ServiceRequest, kind: TicketKind): Promise<Ticket> {
    this.remember(record.RecId, kind);
    const url = await this.client.recordLink(TICKET_KINDS[kind].category, record.RecId);
    return ivantiRecordToTicket(record, kind, { statusCategory: this.statusCategory, url, raw: this.options.raw, customFields: this.options.customFields });
  }

  /**
   * The ticket an id or key names, read whole.
   *
   * @throws `NotFoundError` when there is none; `AmbiguousMatchError` for a bare number both kinds have.
   */
  async find(ref: TicketRef): Promise<FoundTicket> {
    if ('recId' in ref) return this.#byRecId(ref.recId);
    const kinds: TicketKind[] = ref.kind === undefined ? ['incident', 'service_request'] : [ref.kind];
    const found = (await Promise.all(kinds.map(async (kind) => ({ kind, records: await this.#byNumber(kind, ref.number) })))).flatMap(
      ({ kind, records }) => records.map((record) => ({ kind, record })),
    );
    if (found.length > 1) {
      throw new AmbiguousMatchError(`${ref.number} is the number of ${found.map(({ kind, record }) => `${TICKET_KINDS[kind].noun} ${record.RecId}`).join(' and ')}: give the key (INC-${ref.number} or SR-${ref.number}) or the RecId`, {
        provider: IVANTI,
        query: String(ref.number),
        matchIds: found.map(({ record }) => record.RecId),
      });
    }
    const [first] = found;
    if (first === undefined) {
      const what = kinds.map((kind) => TICKET_KINDS[kind].noun).join(' or ');
      throw await this.notFound(`there is no ${what} number ${ref.number}`, `/api/odata/businessobject/${TICKET_KINDS[kinds[0] as TicketKind].entitySet}`);
    }
    this.remember(first.record.RecId, first.kind);
    return first;
  }

  async #byRecId(recId: string): Promise<FoundTicket> {
    const known = this.#kinds.get(recId.toUpperCase());
    const order: TicketKind[] = known === 'service_request' ? ['service_request', 'incident'] : ['incident', 'service_request'];
    for (const kind of known === undefined ? order : [known]) {
      try {
        const record = await this.resource(kind).get(recId);
        this.remember(record.RecId, kind);
        return { kind, record };
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    throw await this.notFound(`no incident or service request has the RecId ${recId}`, `/api/odata/businessobject/incidents('${recId}')`);
  }

  async #byNumber(kind: TicketKind, number: number): Promise<(Incident | ServiceRequest)[]> {
    return this.resource(kind).list({ filter: odata.eq(TICKET_KINDS[kind].numberField, number), pageSize: 2 }).toArray({ limit: 2 });
  }

  /** A `NotFoundError` for something the connector looked up itself. */
  async notFound(message: string, path: string): Promise<NotFoundError> {
    const base = await this.client.baseUrl().catch(() => '');
    return new NotFoundError(message, { provider: IVANTI, status: 404, method: 'GET', url: `${base}${path}`, messages: [message], outcome: 'not_applied' });
  }
}
