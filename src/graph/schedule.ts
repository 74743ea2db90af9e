/**
 * The shortest interval, in minutes, between two runs of an AWS cron or rate expression, as Glue
 * triggers and crawlers take them: `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, or
 * `rate(5 minutes)`. Undefined when the expression cannot be read (it is then not judged).
 */
export function shortestIntervalMinutes(expression: string): number | undefined {
  const text = expression.trim();
  const rate = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/i.exec(text);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2].toLowerCase();
    return unit.startsWith('minute') ? n : unit.startsWith('hour') ? n * 60 : n * 1440;
  }
  const cron = /^cron\((.*)\)$/i.exec(text);
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const minutes = expand(fields[0], 0, 59);
  const hours = expand(fields[1], 0, 23);
  if (!minutes || !hours || minutes.length === 0 || hours.length === 0) return undefined;
  let shortest = Infinity;
  for (let i = 1; i < minutes.length; i++) shortest = Math.min(shortest, minutes[i] - minutes[i - 1]);
  // The wrap across the hour: from the last minute of one hour to the first of the next, when both hours run.
  const hourSet = new Set(hours);
  const consecutive = hours.some((h) => hourSet.has((h + 1) % 24) && (h !== 23 || everyDay(fields)));
  if (consecutive) shortest = Math.min(shortest, 60 - minutes[minutes.length - 1] + minutes[0]);
  // One run a day (or fewer): the interval is at least a day.
  return Number.isFinite(shortest) ? shortest : 1440;
}

/** 23:xx → 00:xx is consecutive only when the schedule runs every day. */
function everyDay(fields: string[]): boolean {
  return ['*', '?'].includes(fields[2]) && ['*', '?'].includes(fields[4]) && fields[3] === '*';
}

/** The sorted values a cron field selects: `*`, `n`, `a-b`, `*\/n`, `a/n`, `a-b/n` and comma lists. */
function expand(field: string, min: number, max: number): number[] | undefined {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const m = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    const step = m[3] === undefined ? 1 : Number(m[3]);
    if (step < 1) return undefined;
    const start = m[1] === '*' ? min : Number(m[1]);
    const end = m[2] !== undefined ? Number(m[2]) : m[1] === '*' || m[3] !== undefined ? max : start;
    if (start < min || end > max || start > end) return undefined;
    for (let v = start; v <= end; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}
