import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import {
  AddCommentOptionsSchema,
  CommentInputSchema,
  CreateTicketInputSchema,
  CreateTicketOptionsSchema,
  EmailSchema,
  RecordIdSchema,
  FileInputSchema,
  parseInput,
  resolvePersonInput,
  TicketQuerySchema,
  TransitionOptionsSchema,
  UpdateTicketInputSchema,
} from '../src/inputs.js';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseInput', () => {
  it('returns the parsed value, trimmed', () => {
    expect(parseInput(CreateTicketInputSchema, { subject: '  VPN down ' }, 'input')).toEqual({ subject: 'VPN down' });
  });

  it('names the missing field', () => {
    const error = inputError(() => parseInput(CreateTicketInputSchema, {}, 'input'));
    expect(error.field).toBe('input.subject');
    expect(error.message).toContain('input.subject');
  });

  it('names an empty field', () => {
    expect(inputError(() => parseInput(CreateTicketInputSchema, { subject: '   ' }, 'input')).field).toBe('input.subject');
  });

  it('names a nested field', () => {
    const error = inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', requester: { email: 'nope' } }, 'input'));
    expect(error.field).toMatch(/^input\.requester/);
  });

  it('names an unknown field instead of dropping it', () => {
    const error = inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', sujbect: 'typo' }, 'input'));
    expect(error.field).toBe('input.sujbect');
    expect(error.message).toContain('is not a known field');
  });

  it('lists every problem', () => {
    const error = inputError(() => parseInput(CreateTicketInputSchema, { subject: '', priority: 'urgent' }, 'input'));
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['input.subject', 'input.priority']));
  });

  it('works without a root name', () => {
    expect(inputError(() => parseInput(CommentInputSchema, { body: '' })).field).toBe('body');
  });

  it('reports any non-object input as an InputError (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()), (value) => {
        expect(() => parseInput(CreateTicketInputSchema, value, 'input')).toThrow(InputError);
      }),
    );
  });
});

describe('schemas', () => {
  it('rejects writing an unknown category or priority', () => {
    expect(inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', status: 'unknown' }, 'input')).field).toBe('input.status');
    expect(inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', priority: 'unknown' }, 'input')).field).toBe('input.priority');
  });

  it('update needs at least one change and points status to transition()', () => {
    expect(() => parseInput(UpdateTicketInputSchema, {}, 'patch')).toThrow(/at least one field/);
    const error = inputError(() => parseInput(UpdateTicketInputSchema, { status: 'resolved' }, 'patch'));
    expect(error.field).toBe('patch.status');
    expect(error.message).toContain('transition()');
    expect(parseInput(UpdateTicketInputSchema, { assignee: null }, 'patch')).toEqual({ assignee: null });
  });

  it('query validates dates, categories and types', () => {
    expect(inputError(() => parseInput(TicketQuerySchema, { updatedSince: '2024-01-01' }, 'query')).field).toBe('query.updatedSince');
    expect(inputError(() => parseInput(TicketQuerySchema, { updatedSince: new Date('nope') }, 'query')).field).toBe('query.updatedSince');
    expect(inputError(() => parseInput(TicketQuerySchema, { categories: [] }, 'query')).field).toBe('query.categories');
    expect(parseInput(TicketQuerySchema, { updatedSince: '2024-01-01T00:00:00Z', type: ['incident'] }, 'query')).toBeTruthy();
  });

  it('comment visibility defaults to public', () => {
    expect(parseInput(CommentInputSchema, { body: 'hi' })).toEqual({ body: 'hi', visibility: 'public' });
    expect(inputError(() => parseInput(CommentInputSchema, { body: 'hi', visibility: 'private' }, 'comment')).field).toBe('comment.visibility');
  });

  it('file input accepts bytes and blobs, and rejects paths and other content', () => {
    expect(parseInput(FileInputSchema, { filename: 'a.txt', content: new Uint8Array([1]) })).toBeTruthy();
    expect(parseInput(FileInputSchema, { filename: 'a.txt', content: Buffer.from('x') })).toBeTruthy();
    expect(parseInput(FileInputSchema, { filename: 'a.txt', content: new Blob(['x']) })).toBeTruthy();
    expect(inputError(() => parseInput(FileInputSchema, { filename: '../etc/passwd', content: new Uint8Array() }, 'file')).field).toBe('file.filename');
    expect(inputError(() => parseInput(FileInputSchema, { filename: 'a.txt', content: 'text' }, 'file')).field).toBe('file.content');
    expect(inputError(() => parseInput(FileInputSchema, { filename: 'a.txt', content: new Uint8Array(), contentType: 'text' }, 'file')).field).toBe('file.contentType');
  });

  it('refuses a patch whose only change is an empty providerFields', () => {
    expect(() => parseInput(UpdateTicketInputSchema, { providerFields: {} }, 'patch')).toThrow(/at least one field/);
    expect(parseInput(UpdateTicketInputSchema, { providerFields: { customfield_1: 'x' } }, 'patch')).toBeTruthy();
  });

  it('refuses a comment visibility without a comment', () => {
    expect(inputError(() => parseInput(TransitionOptionsSchema, { commentVisibility: 'internal' }, 'options')).field).toBe(
      'options.commentVisibility',
    );
  });

  it('transition options are strict', () => {
    expect(inputError(() => parseInput(TransitionOptionsSchema, { coment: 'typo' }, 'options')).field).toBe('options.coment');
  });
});

describe('PersonInputSchema', () => {
  it('rejects a bare string with an @ that is not an email address, instead of reading it as an id', () => {
    for (const typo of ['ann@examplecom', 'ann @example.com', '@example.com']) {
      const error = inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', requester: typo }, 'input'));
      expect(error.field).toBe('input.requester');
      expect(error.message).toContain('email');
    }
    expect(parseInput(CreateTicketInputSchema, { subject: 'x', requester: { id: 'x@y' } }, 'input')).toBeTruthy();
  });
});

describe('resolvePersonInput', () => {
  it('reads emails and ids', () => {
    expect(resolvePersonInput('ann@example.com')).toEqual({ email: 'ann@example.com' });
    expect(resolvePersonInput('5b10ac8d82e05b22cc7d4ef5')).toEqual({ id: '5b10ac8d82e05b22cc7d4ef5' });
    expect(resolvePersonInput({ id: 'x@y' })).toEqual({ id: 'x@y' });
  });
});

describe('text rules', () => {
  it('a subject is one line: line breaks, tabs, NUL and other control characters are refused', () => {
    for (const subject of ['VPN\ndown', 'VPN\rdown', 'VPN\tdown', 'VPN\u0000down', 'VPN\u001bdown', 'VPN\u007fdown']) {
      expect(inputError(() => parseInput(CreateTicketInputSchema, { subject }, 'input')).field).toBe('input.subject');
      expect(inputError(() => parseInput(UpdateTicketInputSchema, { subject }, 'patch')).field).toBe('patch.subject');
    }
    expect(parseInput(CreateTicketInputSchema, { subject: '  VPN down\n' }).subject).toBe('VPN down');
  });

  it('descriptions and comments keep tabs and line breaks, and refuse NUL and other control characters', () => {
    expect(parseInput(CreateTicketInputSchema, { subject: 'x', description: 'a\tb\r\nc' }).description).toBe('a\tb\r\nc');
    expect(inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', description: 'a\u0000b' }, 'input')).field).toBe('input.description');
    expect(inputError(() => parseInput(UpdateTicketInputSchema, { description: 'a\u0007b' }, 'patch')).field).toBe('patch.description');
    expect(inputError(() => parseInput(CommentInputSchema, { body: 'a\u0000b' }, 'comment')).field).toBe('comment.body');
    expect(inputError(() => parseInput(TransitionOptionsSchema, { comment: 'a\u0000b' }, 'options')).field).toBe('options.comment');
  });

  it('an email address has no control characters and at most 254 characters', () => {
    expect(inputError(() => parseInput(EmailSchema, 'ann\u0000@example.com', 'email')).field).toBe('email');
    expect(inputError(() => parseInput(EmailSchema, `${'a'.repeat(250)}@example.com`, 'email')).field).toBe('email');
    expect(parseInput(EmailSchema, ' Ann@Example.com ')).toBe('Ann@Example.com');
  });
});

describe('RecordIdSchema', () => {
  it('accepts ids and keys as they are', () => {
    for (const id of ['HELP-12', '10001', '5b10a2844c20165700ede21g', 'qm:0000-ab', 'x'.repeat(255)]) expect(parseInput(RecordIdSchema, id)).toBe(id);
  });

  it('refuses blanks, control characters, white space at an end, 256+ characters and non-strings', () => {
    for (const id of ['', '   ', ' HELP-1', 'HELP-1 ', 'HELP\r\n1', 'HELP\u00001', 'x'.repeat(256), 42, null, undefined, {}, ['HELP-1']]) {
      expect(inputError(() => parseInput(RecordIdSchema, id, 'idOrKey', { provider: 'jira-cloud' }))).toMatchObject({ field: 'idOrKey', provider: 'jira-cloud' });
    }
  });
});

describe('idempotency options', () => {
  it('take an idempotency key of 1 to 255 visible ASCII characters, and nothing else', () => {
    expect(parseInput(CreateTicketOptionsSchema, { idempotencyKey: 'chat-4711:a/b' })).toEqual({ idempotencyKey: 'chat-4711:a/b' });
    expect(parseInput(AddCommentOptionsSchema, {})).toEqual({});
    for (const idempotencyKey of ['', 'a b', 'k'.repeat(256), 'ü', 'a\nb', 7]) {
      expect(inputError(() => parseInput(CreateTicketOptionsSchema, { idempotencyKey }, 'options')).field).toBe('options.idempotencyKey');
    }
    expect(inputError(() => parseInput(AddCommentOptionsSchema, { key: 'x' }, 'options')).field).toBe('options.key');
  });
});
