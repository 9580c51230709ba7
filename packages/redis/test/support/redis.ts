// The real redis-server the tests of this package run against, started on a free loopback port.
//
// Without a redis-server on the PATH the tests that need one are skipped, and say so once; with
// ITSM_REQUIRE_REDIS=1 (set by .ci/run, which installs it) its absence is a failure instead.
import { findRedisServer } from '../../src/testing/index.js';

/** The redis-server executable, when there is one. */
export const redisBinary: string | undefined = findRedisServer();

/** Whether a missing redis-server must fail the run (CI) rather than skip the tests. */
export const redisRequired = process.env.ITSM_REQUIRE_REDIS === '1';

/** Why the tests that need Redis are skipped here. */
export const SKIP_REASON =
  'no redis-server on the PATH: the tests of @itsm/redis against a real Redis are skipped ' +
  '(install Debian\'s redis-server package, as .ci/run does; set ITSM_REQUIRE_REDIS=1 to make this a failure)';

if (redisBinary === undefined && !redisRequired) console.warn(`@itsm/redis tests: ${SKIP_REASON}`);

/** Whether the tests that need a redis-server run. */
export const withRedis = redisBinary !== undefined;
