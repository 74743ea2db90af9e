import { describe, expect, it } from 'vitest';
import { shortestIntervalMinutes } from '../src/graph/schedule.js';

describe('shortest interval of a Glue schedule', () => {
  it.each([
    ['cron(0/2 * * * ? *)', 2],
    ['cron(*/5 * * * ? *)', 5],
    ['cron(* * * * ? *)', 1],
    ['cron(0-4 * * * ? *)', 1],
    ['cron(10-50/20 * * * ? *)', 20],
    ['cron(0,3,10,20,30,40,50 * * * ? *)', 3],
    // The wrap across the hour: 58 → 02 of the next hour is 4 minutes.
    ['cron(2,10,20,30,40,50,58 * * * ? *)', 4],
    ['cron(0,58 * * * ? *)', 2],
    // One hour only: no next hour to wrap into.
    ['cron(0,58 12 * * ? *)', 58],
    ['cron(0 * * * ? *)', 60],
    ['cron(15 12 * * ? *)', 1440],
    ['cron(0/10 8-17 ? * MON-FRI *)', 10],
    ['rate(3 minutes)', 3],
    ['rate(1 hour)', 60],
  ])('%s → %i min', (expression, minutes) => {
    expect(shortestIntervalMinutes(expression)).toBe(minutes);
  });

  it.each(['cron(bad)', 'cron(61 * * * ? *)', 'cron(0 * * *)', 'every day', 'cron(*/0 * * * ? *)'])('cannot read %s', (expression) => {
    expect(shortestIntervalMinutes(expression)).toBeUndefined();
  });
});
