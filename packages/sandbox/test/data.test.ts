import { describe, expect, it } from 'vitest';
import { companies, companyDomain, companyName, department, HELPDESK_TOPICS, helpdeskComment, helpdeskIssue, jobTitle, people, person } from '../src/data.js';
import { Random } from '../src/random.js';

function generate(seed: string) {
  const random = new Random(seed);
  const company = companyName(random);
  return {
    company,
    staff: people(random, 5, { domain: companyDomain(company) }),
    issues: Array.from({ length: 5 }, () => helpdeskIssue(random)),
    comments: [helpdeskComment(random, 'agent'), helpdeskComment(random, 'requester')],
  };
}

describe('data generators', () => {
  it('are deterministic: same seed, same data; another seed, other data', () => {
    expect(generate('demo')).toEqual(generate('demo'));
    expect(generate('demo')).not.toEqual(generate('other'));
  });

  it('make people with ASCII e-mail addresses on the given domain', () => {
    const random = new Random('people');
    for (let i = 0; i < 200; i += 1) {
      const someone = person(random, { domain: 'acme.example' });
      expect(someone.name).toBe(`${someone.firstName} ${someone.lastName}`);
      expect(someone.email).toMatch(/^[a-z]+\.[a-z]+@acme\.example$/);
    }
  });

  it('give every person a distinct e-mail address, even with repeated names', () => {
    const staff = people(new Random('crowd'), 3000, { domain: 'big.example' });
    expect(new Set(staff.map((someone) => someone.email)).size).toBe(3000);
    expect(staff.some((someone) => /\d@/.test(someone.email))).toBe(true);
  });

  it('derive company domains from names', () => {
    expect(companyDomain('Summit Engineering GmbH')).toBe('summit-engineering.example');
    expect(companyDomain('Northwind Logistics Inc.')).toBe('northwind-logistics.example');
    const list = companies(new Random('firms'), 20);
    expect(new Set(list.map((company) => company.domain)).size).toBe(20);
    expect(() => companies(new Random('firms'), 10_000)).toThrow('at most');
  });

  it('write helpdesk tickets on every topic with placeholders filled in', () => {
    const random = new Random('helpdesk');
    const topics = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const issue = helpdeskIssue(random);
      topics.add(issue.topic);
      expect(['incident', 'service_request']).toContain(issue.kind);
      expect(issue.subject.length).toBeGreaterThan(5);
      expect(`${issue.subject} ${issue.description}`).not.toMatch(/[{}]/);
    }
    expect([...topics].sort()).toEqual([...HELPDESK_TOPICS].sort());
  });

  it('restrict topics and sign with the requester when asked', () => {
    const random = new Random('vpn');
    const requester = person(random, { domain: 'acme.example' });
    const issues = Array.from({ length: 30 }, () => helpdeskIssue(random, { topics: ['vpn'], requester }));
    expect(new Set(issues.map((issue) => issue.topic))).toEqual(new Set(['vpn']));
    expect(issues.some((issue) => issue.description.endsWith(requester.firstName) || issue.description.endsWith(requester.name))).toBe(true);
  });

  it('name departments and job titles', () => {
    const random = new Random('org');
    expect(department(random)).toMatch(/^[A-Z]/);
    expect(jobTitle(random, { agent: true })).toMatch(/Service Desk|Support|Administrator|Engineer/);
  });
});
