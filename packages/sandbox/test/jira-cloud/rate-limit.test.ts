import { describe, expect, it, vi } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 10 });

describe('rate limiting', () => {
  it('is off by default', async () => {
    for (let i = 0; i < 30; i += 1) expect((await ctx.call('GET', '/rest/api/3/myself')).status).toBe(200);
  });

  it('answers 429 with Retry-After and RateLimit-Reason once the budget in the state is spent', async () => {
    Object.assign(ctx.state.rateLimit, { enabled: true, budget: 3, windowMs: 60_000, retryAfterSeconds: 7, reason: 'jira-burst-based' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await ctx.call('GET', '/rest/api/3/myself')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await ctx.call('GET', '/rest/api/3/issue/HELP-1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-arequestid')).not.toBeNull();
    expect(limited.body()).toEqual({ errorMessages: ['Rate limit exceeded'] });
  });

  it('refills the budget when the window passes, and reset() turns it off', async () => {
    // The window is measured on the clock: a fake one, so that only the test moves it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      Object.assign(ctx.state.rateLimit, { enabled: true, budget: 1, windowMs: 50 });
      expect((await ctx.call('GET', '/rest/api/3/myself')).status).toBe(200);
      vi.setSystemTime(Date.now() + 49);
      expect((await ctx.call('GET', '/rest/api/3/myself')).status).toBe(429);
      vi.setSystemTime(Date.now() + 1);
      expect((await ctx.call('GET', '/rest/api/3/myself')).status).toBe(200);
      await ctx.sb.reset();
      expect(ctx.state.rateLimit.enabled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
