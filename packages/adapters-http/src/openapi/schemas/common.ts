import { z } from 'zod';

/** A `Date` as JSON carries it. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Owncast's `TimestampedValue`: one point of a time series. */
export const TimestampedValue = z.object({ time: IsoDateTime, value: z.number() });
