/**
 * Autotask's own figures: the zone of an API user (`zoneInformation`) and the database's request
 * usage (`ThresholdInformation`).
 *
 * @module
 */
import { z } from 'zod';

/**
 * Where an API user's database lives (`ZoneInformationResultModel`).
 *
 * @category Schemas
 */
export const ZoneInformationSchema = z.looseObject({
  /** The zone's name, e.g. `America East`. */
  zoneName: z.string().nullish(),
  /** The REST base of the zone, e.g. `https://webservices5.autotask.net/ATServicesRest/` (the version is appended). */
  url: z.string().min(1),
  /** The web UI of the zone, e.g. `https://ww5.autotask.net/`: where links open. */
  webUrl: z.string().nullish(),
  /** The database's identifier. */
  ci: z.number().nullish(),
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
  externalRequestThreshold: z.number().int().positive(),
  /** The timeframe, in minutes (60). */
  requestThresholdTimeframe: z.number().int().positive(),
  /** Requests counted in the current timeframe, from every integration, this one included. */
  currentTimeframeRequestCount: z.number().int().nonnegative(),
});
/**
 * @see {@link ThresholdInformationSchema}
 *
 * @category Schemas
 */
export type ThresholdInformation = z.infer<typeof ThresholdInformationSchema>;
