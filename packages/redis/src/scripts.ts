/**
 * The Lua scripts the stores run in Redis. Each runs atomically (Redis runs one script at a time),
 * so no two processes can read the same state and both act on it. Every script takes the time from
 * the Redis server (`TIME`), not from the processes, so that replicas whose clocks disagree still
 * agree on windows and leases.
 *
 * Keys of a budget (`<prefix>budget:<key>:`): `log`, a sorted set of the requests counted (score:
 * when, member: when and a sequence number); `seq`, that sequence; `report`, a hash of the
 * provider's last usage figure (`used`, `at`).
 *
 * Keys of a concurrency lane (`<prefix>slots:<key>:`): `held`, a sorted set of the leases (member:
 * the holder's id, score: when the lease runs out); `queue`, a sorted set of the waiters in order of
 * arrival (score: a ticket from `ticket`, a counter); `alive`, the waiters' heartbeats (score: when
 * a waiter that stopped asking counts as gone).
 *
 * Every write pushes the expiry of the keys it touched out (a day past the window or lease), so the
 * keys of a budget or an endpoint no longer in use vanish by themselves.
 *
 * @module
 */
import { createHash } from 'node:crypto';

/** A Lua script and its SHA-1 (for `EVALSHA`). */
export interface LuaScript {
  /** What it is for, in error messages. */
  readonly name: string;
  /** The Lua source. */
  readonly source: string;
  /** The SHA-1 of the source, as Redis names a loaded script. */
  readonly sha: string;
}

/** How long the keys of an idle budget or lane outlive their content, in milliseconds: a day. */
export const IDLE_KEY_MS = 86_400_000;

/** The server's time in milliseconds, as a Lua local. */
const NOW = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
`;

/**
 * The count of a budget now (shared by `take` and `used`): drops the requests that left the window
 * and a report too old to count, then counts the requests in the window, or the report plus the
 * requests counted since it, whichever is higher. Sets `used`, `counted`, `byReport`, `reportAt`.
 */
const COUNT = `
local window = tonumber(ARGV[1])
local reportTtl = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local counted = redis.call('ZCARD', KEYS[1])
local used = counted
local byReport = false
local report = redis.call('HMGET', KEYS[3], 'used', 'at')
local reportAt = tonumber(report[2])
if report[1] and reportAt then
  if now - reportAt < reportTtl then
    local reported = tonumber(report[1]) + redis.call('ZCOUNT', KEYS[1], reportAt, '+inf')
    if reported > counted then
      used = reported
      byReport = true
    end
  else
    redis.call('DEL', KEYS[3])
  end
end
`;

function script(name: string, source: string): LuaScript {
  return { name, source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * Counts one request if the window allows it.
 * KEYS: log, seq, report. ARGV: windowMs, reportTtlMs, limit.
 * Returns `{1, used}` (counted, `used` including it) or `{0, used, retryInMs}`.
 */
export const BUDGET_TAKE = script(
  'budget take',
  `${NOW}${COUNT}
local limit = tonumber(ARGV[3])
if used < limit then
  local at = now
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  if last[2] and tonumber(last[2]) > at then at = tonumber(last[2]) end
  local seq = redis.call('INCR', KEYS[2])
  redis.call('ZADD', KEYS[1], at, at .. '-' .. seq)
  redis.call('PEXPIRE', KEYS[1], window + ${IDLE_KEY_MS})
  redis.call('PEXPIRE', KEYS[2], window + ${IDLE_KEY_MS})
  return {1, used + 1}
end
local retry
if byReport then
  retry = reportAt + reportTtl - now
else
  local index = counted - limit
  if index < 0 then index = 0 end
  local oldest = redis.call('ZRANGE', KEYS[1], index, index, 'WITHSCORES')
  retry = tonumber(oldest[2]) + window - now
end
if retry < 1 then retry = 1 end
return {0, used, math.ceil(retry)}
`,
);

/**
 * The count of a budget, without taking anything.
 * KEYS: log, seq, report. ARGV: windowMs, reportTtlMs. Returns the count.
 */
export const BUDGET_USED = script('budget usage', `${NOW}${COUNT}\nreturn used\n`);

/**
 * Records the provider's usage figure, unless a newer one is already there. Its time is the server's
 * now minus the figure's age, so that the processes' clocks never meet the server's.
 * KEYS: report. ARGV: used, ageMs. Returns 1 when recorded, 0 when a newer figure was kept.
 */
export const BUDGET_REPORT = script(
  'budget report',
  `${NOW}
local at = now - tonumber(ARGV[2])
local current = tonumber(redis.call('HGET', KEYS[1], 'at'))
if current and current > at then return 0 end
redis.call('HSET', KEYS[1], 'used', ARGV[1], 'at', at)
redis.call('PEXPIRE', KEYS[1], ${IDLE_KEY_MS})
return 1
`,
);

/** Keeps the keys of a lane for a day past their last use. */
const TOUCH_LANE = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('PEXPIRE', key, ${IDLE_KEY_MS}) end
end
`;

/**
 * Takes a slot for a waiter when it is among the first waiters that the free slots can serve, else
 * queues it (once: it keeps its place) and records that it is still waiting. Leases that ran out and
 * waiters that stopped asking are dropped first.
 * KEYS: held, queue, alive, ticket. ARGV: id, limit, leaseMs, waiterTtlMs.
 * Returns `{1, rank}` (the slot is taken, with a lease of leaseMs) or `{0, rank}` (still waiting; rank 0 is next).
 */
export const SLOT_ACQUIRE = script(
  'slot acquire',
  `${NOW}
local id = ARGV[1]
local limit = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local waiterTtl = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local gone = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 256)
for _, waiter in ipairs(gone) do
  redis.call('ZREM', KEYS[2], waiter)
  redis.call('ZREM', KEYS[3], waiter)
end
if not redis.call('ZSCORE', KEYS[2], id) then
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), id)
end
local rank = redis.call('ZRANK', KEYS[2], id)
local free = limit - redis.call('ZCARD', KEYS[1])
if rank < free then
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
  redis.call('ZADD', KEYS[1], now + lease, id)
  ${TOUCH_LANE}
  return {1, rank}
end
redis.call('ZADD', KEYS[3], now + waiterTtl, id)
${TOUCH_LANE}
return {0, rank}
`,
);

/**
 * Renews the leases of a holder's slots. A lease that ran out but is still there has not been given
 * to anyone (taking a slot drops the run-out leases first), so renewing it is safe.
 * KEYS: held. ARGV: leaseMs, then the ids. Returns how many leases were not found (lost).
 */
export const SLOT_RENEW = script(
  'slot renew',
  `${NOW}
local lease = tonumber(ARGV[1])
local lost = 0
for index = 2, #ARGV do
  if redis.call('ZSCORE', KEYS[1], ARGV[index]) then
    redis.call('ZADD', KEYS[1], now + lease, ARGV[index])
  else
    lost = lost + 1
  end
end
${TOUCH_LANE}
return lost
`,
);

/**
 * Gives a slot back, or leaves the queue, and tells the waiters of the lane (a message on the
 * channel, naming the lane).
 * KEYS: held, queue, alive. ARGV: id, channel, lane key.
 * Returns 1 when the holder still had its slot (or the waiter its place), 0 when it was gone.
 */
export const SLOT_RELEASE = script(
  'slot release',
  `
local removed = redis.call('ZREM', KEYS[1], ARGV[1]) + redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
if removed > 0 then return 1 end
return 0
`,
);
