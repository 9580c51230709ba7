// The size checks behind a connector's limits: an InputError naming the field, the limit and the size.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { byteSize, checkByteSize, checkLength } from '../../src/provider/limits.js';
import { thrown } from '../../src/testing/failure.js';

describe('checkLength', () => {
  it('passes text up to the limit, and undefined or null', () => {
    expect(() => checkLength('jira-cloud', 'input.subject', 'x'.repeat(255), 255, "Jira's limit for summaries")).not.toThrow();
    expect(() => checkLength('jira-cloud', 'input.description', undefined, 10, 'x')).not.toThrow();
    expect(() => checkLength('jira-cloud', 'patch.description', null, 10, 'x')).not.toThrow();
  });

  it('refuses longer text with the field, the limit, whose it is and the length', () => {
    const error = thrown(() => checkLength('jira-cloud', 'input.subject', 'x'.repeat(256), 255, "Jira's limit for summaries"));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'input.subject', provider: 'jira-cloud', outcome: 'not_applied' });
    expect((error as Error).message).toBe("input.subject must be at most 255 characters (Jira's limit for summaries); it has 256");
  });
});

describe('checkByteSize', () => {
  it('measures bytes, buffers and blobs', () => {
    expect(byteSize(new Uint8Array(3))).toBe(3);
    expect(byteSize(new ArrayBuffer(4))).toBe(4);
    expect(byteSize(new Blob(['hello']))).toBe(5);
  });

  it('refuses a file over the limit without reading it', () => {
    const huge = new Blob([]);
    Object.defineProperty(huge, 'size', { value: 7_000_001 });
    const error = thrown(() => checkByteSize('autotask', 'file.content', huge, 7_000_000, "Autotask's limit for attachments"));
    expect(error).toMatchObject({ name: 'InputError', field: 'file.content', provider: 'autotask' });
    expect(() => checkByteSize('autotask', 'file.content', new Uint8Array(10), 10, 'x')).not.toThrow();
  });
});
