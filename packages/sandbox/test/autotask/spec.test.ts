/**
 * Spec validation (opt-in): every implemented operation's answer is checked against the response
 * schema of Autotask's official Swagger document. Set `ITSM_SPECS_DIR` to the folder holding
 * `autotask.json`; without it the suite is skipped, so the repo never needs the spec.
 *
 * The attachment operations of the document describe a bare `TicketAttachmentModel` for every answer
 * (lists and queries included), which the live service does not send; their answers are checked as
 * the `{ items, pageDetails }` envelope of the other entities around `TicketAttachmentModel` items.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox.js';
import { api, autotask, search, type QueryPage } from './support/http.js';
import { responseSchema, validate, type Schema, type SwaggerDocument } from './support/swagger.js';

const specsDir = process.env.ITSM_SPECS_DIR;

interface Facts {
  readonly ticket: number;
  readonly note: number;
  readonly attachment: number;
  readonly company: number;
  readonly contact: number;
  readonly agent: number;
  readonly roleId: number;
  readonly queue: number;
  readonly user: string;
}

interface Case {
  /** The spec's path template and method. */
  readonly operation: readonly [method: string, path: string];
  /** The concrete request: method, path, JSON body. */
  readonly request: (facts: Facts) => readonly [method: string, path: string, json?: unknown];
  /** A schema to use instead of the document's (see the module description). */
  readonly schema?: Schema;
}

const all = { filter: [{ op: 'exist', field: 'id' }] };
const ENTITIES = ['Tickets', 'TicketNotes', 'Contacts', 'Resources', 'Companies'] as const;
const attachmentPage: Schema = {
  type: 'object',
  properties: { items: { type: 'array', items: { $ref: '#/definitions/TicketAttachmentModel' } }, pageDetails: { $ref: '#/definitions/PagingModel' } },
};
const attachmentItems: Schema = { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/definitions/TicketAttachmentModel' } } } };
const attachmentItem: Schema = { type: 'object', properties: { item: { $ref: '#/definitions/TicketAttachmentModel' } } };

const cases: readonly Case[] = [
  { operation: ['GET', '/V1.0/ZoneInformation'], request: (f) => ['GET', `${api('zoneInformation')}?user=${encodeURIComponent(f.user)}`] },
  { operation: ['GET', '/VersionInformation'], request: () => ['GET', '/ATServicesRest/versioninformation'] },
  { operation: ['GET', '/V1.0/ThresholdInformation'], request: () => ['GET', api('ThresholdInformation')] },
  ...ENTITIES.flatMap((entity): Case[] => [
    { operation: ['GET', `/V1.0/${entity}/query`], request: () => ['GET', search(entity, { ...all, MaxRecords: 50 })] },
    { operation: ['POST', `/V1.0/${entity}/query`], request: () => ['POST', api(`${entity}/query`), { ...all, MaxRecords: 50 }] },
    { operation: ['GET', `/V1.0/${entity}/query/count`], request: () => ['GET', search(entity, all, 'query/count')] },
    { operation: ['POST', `/V1.0/${entity}/query/count`], request: () => ['POST', api(`${entity}/query/count`), all] },
    { operation: ['GET', `/V1.0/${entity}/entityInformation`], request: () => ['GET', api(`${entity}/entityInformation`)] },
    { operation: ['GET', `/V1.0/${entity}/entityInformation/fields`], request: () => ['GET', api(`${entity}/entityInformation/fields`)] },
    { operation: ['GET', `/V1.0/${entity}/entityInformation/userDefinedFields`], request: () => ['GET', api(`${entity}/entityInformation/userDefinedFields`)] },
  ]),
  { operation: ['GET', '/V1.0/Tickets/{id}'], request: (f) => ['GET', api(`Tickets/${f.ticket}`)] },
  { operation: ['GET', '/V1.0/TicketNotes/{id}'], request: (f) => ['GET', api(`TicketNotes/${f.note}`)] },
  { operation: ['GET', '/V1.0/Contacts/{id}'], request: (f) => ['GET', api(`Contacts/${f.contact}`)] },
  { operation: ['GET', '/V1.0/Resources/{id}'], request: (f) => ['GET', api(`Resources/${f.agent}`)] },
  { operation: ['GET', '/V1.0/Companies/{id}'], request: (f) => ['GET', api(`Companies/${f.company}`)] },
  {
    operation: ['POST', '/V1.0/Tickets'],
    request: (f) => ['POST', api('Tickets'), { companyID: f.company, contactID: f.contact, title: 'Spec check', status: 1, priority: 2, queueID: f.queue }],
  },
  { operation: ['PATCH', '/V1.0/Tickets'], request: (f) => ['PATCH', api('Tickets'), { id: f.ticket, status: 8 }] },
  {
    operation: ['PUT', '/V1.0/Tickets'],
    request: (f) => ['PUT', api('Tickets'), { id: f.ticket, companyID: f.company, contactID: f.contact, title: 'Replaced', status: 8, priority: 2, queueID: f.queue }],
  },
  { operation: ['GET', '/V1.0/Tickets/{parentId}/Notes'], request: (f) => ['GET', api(`Tickets/${f.ticket}/Notes`)] },
  { operation: ['GET', '/V1.0/Tickets/{parentId}/Notes/{id}'], request: (f) => ['GET', api(`Tickets/${f.ticket}/Notes/${f.note}`)] },
  { operation: ['POST', '/V1.0/Tickets/{parentId}/Notes'], request: (f) => ['POST', api(`Tickets/${f.ticket}/Notes`), { description: 'Spec', noteType: 1, publish: 2 }] },
  { operation: ['PATCH', '/V1.0/Tickets/{parentId}/Notes'], request: (f) => ['PATCH', api(`Tickets/${f.ticket}/Notes`), { id: f.note, description: 'Spec edit' }] },
  { operation: ['POST', '/V1.0/TicketAttachments/query'], request: (f) => ['POST', api('TicketAttachments/query'), { filter: [{ op: 'eq', field: 'ticketID', value: f.ticket }] }], schema: attachmentPage },
  { operation: ['GET', '/V1.0/TicketAttachments/{id}'], request: (f) => ['GET', api(`TicketAttachments/${f.attachment}`)], schema: attachmentItem },
  { operation: ['GET', '/V1.0/Tickets/{parentId}/Attachments'], request: (f) => ['GET', api(`Tickets/${f.ticket}/Attachments`)], schema: attachmentPage },
  { operation: ['GET', '/V1.0/Tickets/{parentId}/Attachments/{id}'], request: (f) => ['GET', api(`Tickets/${f.ticket}/Attachments/${f.attachment}`)], schema: attachmentItems },
  {
    operation: ['POST', '/V1.0/Tickets/{parentId}/Attachments'],
    request: (f) => ['POST', api(`Tickets/${f.ticket}/Attachments`), { attachmentType: 'FILE_ATTACHMENT', fullPath: 'a.txt', title: 'a', publish: 1, data: 'YQ==' }],
  },
  { operation: ['GET', '/V1.0/Companies/{parentId}/Contacts'], request: (f) => ['GET', api(`Companies/${f.company}/Contacts`)] },
  { operation: ['GET', '/V1.0/Companies/{parentId}/Contacts/{id}'], request: (f) => ['GET', api(`Companies/${f.company}/Contacts/${f.contact}`)] },
  { operation: ['POST', '/V1.0/Companies/{parentId}/Contacts'], request: (f) => ['POST', api(`Companies/${f.company}/Contacts`), { firstName: 'Spec', lastName: 'Check', isActive: 1 }] },
  { operation: ['PATCH', '/V1.0/Companies/{parentId}/Contacts'], request: (f) => ['PATCH', api(`Companies/${f.company}/Contacts`), { id: f.contact, title: 'Spec' }] },
  { operation: ['POST', '/V1.0/Companies'], request: (f) => ['POST', api('Companies'), { companyName: 'Spec Co', companyType: 1, ownerResourceID: f.agent, phone: '1' }] },
  { operation: ['PATCH', '/V1.0/Companies'], request: (f) => ['PATCH', api('Companies'), { id: f.company, phone: '2' }] },
  { operation: ['PATCH', '/V1.0/Resources'], request: (f) => ['PATCH', api('Resources'), { id: f.agent, title: 'Spec' }] },
];

describe.skipIf(specsDir === undefined)('responses conform to the Autotask Swagger document', () => {
  let sb: Sandbox;
  let facts: Facts;
  let spec: SwaggerDocument = { paths: {} };

  beforeAll(async () => {
    spec = JSON.parse(readFileSync(join(specsDir ?? '', 'autotask.json'), 'utf8')) as SwaggerDocument;
    sb = await startSandbox({ providers: ['autotask'] });
    const state = sb.state('autotask');
    facts = {
      ticket: state.facts.ticketWithInternalNote.ticketId,
      note: state.facts.ticketWithInternalNote.publicNoteId,
      attachment: state.facts.ticketWithAttachment.attachmentId,
      company: state.facts.knownRequester.companyId,
      contact: state.facts.knownRequester.id,
      agent: state.facts.agent.id,
      roleId: state.facts.agent.roleId,
      queue: state.facts.queue.id,
      user: sb.credentials.autotask.username ?? '',
    };
  });
  afterAll(() => sb?.close());

  it.each(cases.map((entry) => [`${entry.operation[0]} ${entry.operation[1]}`, entry] as const))('%s', async (_name, entry) => {
    const [method, path, json] = entry.request(facts);
    const reply = await autotask(sb)(method, path, json === undefined ? {} : { json });
    expect(reply.status, `${method} ${path}: ${reply.text.slice(0, 300)}`).toBe(200);
    const schema = entry.schema ?? responseSchema(spec, entry.operation[1], entry.operation[0], 200);
    expect(schema).toBeDefined();
    expect(validate(spec, schema ?? {}, reply.json)).toEqual([]);
  });

  it('validates every seeded ticket, note, contact, resource and company with every field', async () => {
    const call = autotask(sb);
    for (const entity of ENTITIES) {
      const schema = responseSchema(spec, `/V1.0/${entity}/query`, 'POST', 200) ?? {};
      let url: string | null = api(`${entity}/query`);
      let rows = 0;
      while (url !== null) {
        const reply = await call('POST', url, { json: all });
        expect(validate(spec, schema, reply.json), entity).toEqual([]);
        const page = reply.body<QueryPage>();
        rows += page.items.length;
        url = page.pageDetails.nextPageUrl;
      }
      expect(rows, entity).toBeGreaterThan(0);
    }
  });
});
