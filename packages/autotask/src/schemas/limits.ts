/**
 * Autotask's own figures: the zone of an API user (`zoneInformation`) and the database's request
 * usage (`ThresholdInformation`).
 *
 * @module
 */
import * as z from 'zod/mini';

/**
 * Where an API user's database lives (`ZoneInformationResultModel`).
 *
 * @category Schemas
 */
export const ZoneInformationSchema = z.looseObject({
  /** The zone's name, e.g. `America East`. */
  zoneName: z.nullish(z.string()),
  /** The REST base of the zone, e.g. `https://webservices5.autotask.net/ATServicesRest/` (the version is appended). */
  url: z.string().check(z.minLength(1)),
  /** The web UI of the zone, e.g. `https://ww5.autotask.net/`: where links open. */
  webUrl: z.nullish(z.string()),
  /** The database's identifier. */
  ci: z.nullish(z.number()),
});
/**
 * @see {@link ZoneInformationSchema}
 *
 * @category Schemas
 */
export type ZoneInformation = z.infer<typeof ZoneInformationSchema>;

/**
 * The database's usage of its hourly request threshold (`ThresholdStatusResultModel`).
 *
 * @category Schemas
 */
export const ThresholdInformationSchema = z.looseObject({
  /** Requests allowed per timeframe (10,000). */
  externalRequestThreshold: z.int().check(z.positive()),
  /** The timeframe, in minutes (60). */
  requestThresholdTimeframe: z.int().check(z.positive()),
  /** Requests counted in the current timeframe, from every integration, this one included. */
  currentTimeframeRequestCount: z.int().check(z.nonnegative()),
});
/**
 * @see {@link ThresholdInformationSchema}
 *
 * @category Schemas
 */
export type ThresholdInformation = z.infer<typeof ThresholdInformationSchema>;
