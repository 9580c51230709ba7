/**
 * A rolling-window budget kept in Redis: a `BudgetStore` whose `take` is one Lua script (count the
 * window, compare, record), so that two processes can never both take the last request of a window.
 * It follows the contract of core's in-memory store, on the Redis server's clock.
 *
 * @module
 */
import type { BudgetDecision, BudgetStore } from '@itsm/core';
import { RedisUnreachable, type RedisConnection, type ScriptReply } from './connection.js';
import { BUDGET_REPORT, BUDGET_TAKE, BUDGET_USED } from './scripts.js';

function numberAt(reply: ScriptReply, index: number): number {
  const value = Array.isArray(reply) ? reply[index] : undefined;
  if (typeof value !== 'number') throw new RedisUnreachable(`unexpected answer from the budget script: ${JSON.stringify(reply)}`);
  return value;
}

/**
 * Makes the Redis budget store of a set of stores. Its methods throw `RedisUnreachable` when Redis
 * cannot be reached; the stores decide what follows.
 *
 * @param connection - The connection.
 * @param keyPrefix - Put before every key.
 */
export function createRedisBudget(connection: RedisConnection, keyPrefix: string): BudgetStore {
  const keysOf = (key: string) => {
    const base = `${keyPrefix}budget:${key}:`;
    return [`${base}log`, `${base}seq`, `${base}report`];
  };
  return {
    async take(key, request): Promise<BudgetDecision> {
      const reply = await connection.run(BUDGET_TAKE, keysOf(key), [request.windowMs, request.reportTtlMs, request.limit]);
      if (numberAt(reply, 0) === 1) return { granted: true, used: numberAt(reply, 1) };
      return { granted: false, used: numberAt(reply, 1), retryInMs: Math.max(1, numberAt(reply, 2)) };
    },
    async report(key, report) {
      // The figure's age, on this process's clock; the script dates it on the server's.
      const ageMs = Math.max(0, Date.now() - report.at);
      await connection.run(BUDGET_REPORT, [keysOf(key)[2] as string], [report.used, Math.round(ageMs)]);
    },
    async used(key, request) {
      const reply = await connection.run(BUDGET_USED, keysOf(key), [request.windowMs, request.reportTtlMs]);
      if (typeof reply !== 'number') throw new RedisUnreachable(`unexpected answer from the budget script: ${JSON.stringify(reply)}`);
      return reply;
    },
  };
}
