/**
 * A toy "notes" API used only by the sandbox's own tests: GET/POST/DELETE on /notes, authenticated by
 * an `x-notes-token` header, with seeded notes written by generated people. It exercises every part
 * of the simulator contract the way a provider simulator will.
 */
import { companyDomain, companyName, helpdeskIssue, people, type Person } from '../../src/data.js';
import { createRouter } from '../../src/router.js';
import { defineSimulator, SimResponseError, type HandlerContext, type SimRequest } from '../../src/simulator.js';

export interface Note {
  id: number;
  title: string;
  body: string;
  author: string;
  createdAt: string;
}

export interface NotesState {
  readonly company: string;
  readonly people: readonly Person[];
  readonly notes: Map<number, Note>;
  nextId: number;
}

export interface NotesCredentials {
  readonly token: string;
}

/** How many notes are seeded when the sandbox gives no size. */
export const DEFAULT_NOTES = 25;

/** Throws the toy API's 401 unless the request carries the right token. */
function requireToken(request: SimRequest, context: HandlerContext<NotesState, NotesCredentials>): void {
  if (request.header('x-notes-token') !== context.credentials.token) {
    throw new SimResponseError({ status: 401, headers: { 'www-authenticate': 'Token' }, body: { code: 'unauthorized', message: 'missing or wrong token' } });
  }
}

const router = createRouter<NotesState, NotesCredentials>({
  notFound: (request) => ({ status: 404, body: { code: 'not_found', message: `no such resource: ${request.path}` } }),
})
  .get('/notes', (request, { state }) => {
    const limit = Number(request.query.get('limit') ?? '100');
    return { status: 200, headers: { 'x-total': String(state.notes.size) }, body: [...state.notes.values()].slice(0, limit) };
  })
  .get('/notes/:id', (_request, { state, params }) => {
    const note = state.notes.get(Number(params.id));
    return note === undefined ? { status: 404, body: { code: 'not_found', message: `no note ${params.id}` } } : { status: 200, body: note };
  })
  .post('/notes', (request, { state }) => {
    let input: unknown;
    try {
      input = request.json();
    } catch {
      return { status: 400, body: { code: 'bad_json', message: 'body is not JSON' } };
    }
    const title = typeof input === 'object' && input !== null && 'title' in input ? input.title : undefined;
    if (typeof title !== 'string') return { status: 400, body: { code: 'invalid', message: 'title is required' } };
    const note: Note = { id: state.nextId, title, body: '', author: 'api', createdAt: new Date().toISOString() };
    state.nextId += 1;
    state.notes.set(note.id, note);
    return { status: 201, body: note };
  })
  .delete('/notes/:id', (_request, { state, params }) =>
    state.notes.delete(Number(params.id)) ? { status: 204 } : { status: 404, body: { code: 'not_found', message: `no note ${params.id}` } },
  )
  .post('/echo', (request) => ({ status: 200, body: { bytes: request.body.byteLength } }))
  .get('/text', () => ({ status: 200, body: 'plain text' }))
  .get('/bytes', () => ({ status: 200, body: new Uint8Array([1, 2, 3]) }))
  .get('/boom', () => {
    throw new Error('the toy simulator exploded');
  })
  .get('/bad-status', () => ({ status: 42 }))
  .get('/bad-header', () => ({ status: 200, headers: { 'x-bad': 'line\nbreak' }, body: 'x' }));

/** A notes simulator under any provider id (two ids give two independent toy providers). */
export function createNotesSimulator<const Provider extends string>(provider: Provider) {
  return defineSimulator({
    provider,
    title: 'Notes (test toy)',
    createState: ({ random, tickets, seededUntil }): NotesState => {
      const company = companyName(random);
      const staff = people(random, 8, { domain: companyDomain(company) });
      const notes = new Map<number, Note>();
      for (let id = 1; id <= (tickets ?? DEFAULT_NOTES); id += 1) {
        const author = random.pick(staff);
        const issue = helpdeskIssue(random, { requester: author });
        notes.set(id, { id, title: issue.subject, body: issue.description, author: author.email, createdAt: random.date(seededUntil.getTime() - 365 * 86_400_000, seededUntil.getTime() - 1).toISOString() });
      }
      return { company, people: staff, notes, nextId: notes.size + 1 };
    },
    credentials: ({ random }): NotesCredentials => ({ token: `notes_${random.hex(32)}` }),
    connectorOptions: ({ url, credentials, state }) => ({ baseUrl: url, token: credentials.token, company: state.company }),
    sample: ({ state }) => {
      const first = [...state.notes.values()][0];
      const author = state.people.find((person) => person.email === first?.author) ?? state.people[0];
      if (first === undefined || author === undefined) throw new Error('the notes simulator has no notes');
      const agent = state.people.find((person) => person !== author) ?? author;
      return { requesterEmail: author.email, requesterName: author.name, ticketKey: `NOTE-${first.id}`, ticketId: String(first.id), agentEmail: agent.email };
    },
    handle: (request, context) => {
      requireToken(request, context);
      return router.handle(request, context);
    },
  });
}

/** The toy simulator as provider `notes`. */
export const notesSimulator = createNotesSimulator('notes');
