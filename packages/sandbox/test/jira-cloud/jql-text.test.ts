/**
 * The `~` operator: words, stemming, stop words, phrases, AND/OR/NOT, wildcards, escapes, and
 * matching within one value at a time.
 */
import { describe, expect, it } from 'vitest';
import { compileJql } from '../../src/jira-cloud/jql/compile.js';
import type { JqlField } from '../../src/jira-cloud/jql/fields.js';

interface Ticket {
  name: string;
  summary: string;
  description?: string;
  comments: string[];
}

const tickets: Ticket[] = [
  { name: 'printer', summary: 'Printer on floor-3 is jammed', description: 'Paper tray broken; see [example] photo.', comments: ['Tried restarting the printers', 'Ordered new toner'] },
  { name: 'vpn', summary: 'VPN disconnects every hour', comments: ['Crashed again at 10:00'] },
  { name: 'backup', summary: 'Database backup crashed', description: 'The tray of tapes is full', comments: [] },
  { name: 'test', summary: 'Test ticket, please ignore', description: 'testing the text search', comments: ['Text'] },
];

const fieldTable: Record<string, JqlField<Ticket>> = {
  summary: { type: 'text', get: (ticket) => ticket.summary },
  description: { type: 'text', get: (ticket) => ticket.description },
  comment: { type: 'text', get: (ticket) => ticket.comments },
  text: { type: 'text', operators: ['~'], get: (ticket) => [ticket.summary, ticket.description ?? '', ...ticket.comments] },
};

function names(query: string): string[] {
  const jql = compileJql(query, { fields: (name) => fieldTable[name], now: () => new Date(0) });
  return tickets.filter((ticket) => jql.matches(ticket)).map((ticket) => ticket.name);
}

describe('~ (contains)', () => {
  it('matches whole words in any case', () => {
    expect(names('summary ~ printer')).toEqual(['printer']);
    expect(names('summary ~ PRINTER')).toEqual(['printer']);
    expect(names('summary ~ print')).toEqual([]);
    expect(names('summary ~ hour')).toEqual(['vpn']);
  });

  it('matches inflected forms through light stemming', () => {
    expect(names('comment ~ printer')).toEqual(['printer']);
    expect(names('comment ~ restart')).toEqual(['printer']);
    expect(names('text ~ crash')).toEqual(['vpn', 'backup']);
    expect(names('description ~ "tests"')).toEqual(['test']);
  });

  it('requires every word, in any order, and ignores stop words', () => {
    expect(names('summary ~ "jammed printer"')).toEqual(['printer']);
    expect(names('summary ~ "printer backup"')).toEqual([]);
    expect(names('summary ~ "the printer is on the floor"')).toEqual(['printer']);
    expect(names('summary ~ "the"')).toEqual([]);
  });

  it('matches a quoted phrase only when its words are adjacent and in order', () => {
    expect(names('description ~ "\\"paper tray\\""')).toEqual(['printer']);
    expect(names('description ~ "\\"tray paper\\""')).toEqual([]);
    expect(names('text ~ "\\"tray of tapes\\""')).toEqual(['backup']);
    expect(names('summary ~ "floor-3"')).toEqual(['printer']);
  });

  it('supports OR and exclusion with -, ! and NOT', () => {
    expect(names('summary ~ "vpn OR printer"')).toEqual(['printer', 'vpn']);
    expect(names('summary ~ "vpn || backup"')).toEqual(['vpn', 'backup']);
    expect(names('summary ~ "disconnects -vpn"')).toEqual([]);
    expect(names('summary ~ "disconnects -printer"')).toEqual(['vpn']);
    expect(names('summary ~ "crashed NOT database"')).toEqual([]);
    expect(names('summary ~ "crashed !vpn"')).toEqual(['backup']);
    // exclusion applies within a value: the VPN ticket's comment has "crashed" and no "vpn"
    expect(names('text ~ "crashed -vpn"')).toEqual(['vpn', 'backup']);
    expect(names('summary ~ "-printer"')).toEqual(['vpn', 'backup', 'test']);
    expect(names('summary ~ "+printer AND jammed"')).toEqual(['printer']);
    expect(names('summary ~ "printer && jammed"')).toEqual(['printer']);
  });

  it('supports * and ? wildcards inside and at the end of words', () => {
    expect(names('summary ~ "print*"')).toEqual(['printer']);
    expect(names('summary ~ "disconn*ts"')).toEqual(['vpn']);
    expect(names('summary ~ "te?t"')).toEqual(['test']);
    expect(names('summary ~ "te?"')).toEqual([]);
    expect(names('text ~ "tex*"')).toEqual(['test']);
  });

  it('takes escaped characters literally', () => {
    expect(names('description ~ "\\\\[example\\\\]"')).toEqual(['printer']);
    expect(names('summary ~ "print\\\\*"')).toEqual([]);
  });

  it('ignores fuzzy and boost suffixes', () => {
    expect(names('summary ~ "printer~"')).toEqual(['printer']);
    expect(names('summary ~ "printer^2 jammed~0.8"')).toEqual(['printer']);
  });

  it('matches within one value: one field or one comment', () => {
    expect(names('text ~ "printer toner"')).toEqual([]);
    expect(names('text ~ "ordered toner"')).toEqual(['printer']);
    expect(names('text ~ "restarting printers"')).toEqual(['printer']);
  });

  it('keeps !~ and EMPTY to fields with a value', () => {
    expect(names('summary !~ printer')).toEqual(['vpn', 'backup', 'test']);
    expect(names('description !~ tray')).toEqual(['test']);
    expect(names('description ~ EMPTY')).toEqual(['vpn']);
    expect(names('description is not empty')).toEqual(['printer', 'backup', 'test']);
    expect(names('comment is empty')).toEqual(['backup']);
  });
});
