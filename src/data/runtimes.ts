/**
 * Lambda runtime lifecycle: when each managed runtime is deprecated and when Lambda blocks
 * creating and updating functions that use it. Source: the AWS Lambda "Runtime deprecation
 * policy" and "Lambda runtimes" pages, and cfn-lint's LmbdRuntimeLifecycle.json; checked 2026-08
 * for the product's rule catalog. AWS moves these dates (python3.8's block dates moved from
 * 2025 to 2027-02-01 / 2027-03-03), so they live here as data, not in the rule.
 */
export const RUNTIME_LIFECYCLE_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html';
export const RUNTIME_LIFECYCLE_CHECKED = '2026-08-31';

export interface RuntimeLifecycle {
  /** YYYY-MM-DD (UTC). */
  deprecated: string;
  blockCreate?: string;
  blockUpdate?: string;
  successor: string;
}

const ALREADY_BLOCKED = (deprecated: string, successor: string): RuntimeLifecycle => ({ deprecated, blockCreate: deprecated, blockUpdate: deprecated, successor });
// Runtimes deprecated from 2024-06 to 2026-07 share the block dates AWS set in 2026.
const EXTENDED = (deprecated: string, successor: string): RuntimeLifecycle => ({ deprecated, blockCreate: '2027-02-01', blockUpdate: '2027-03-03', successor });

export const RUNTIMES: Readonly<Record<string, RuntimeLifecycle>> = {
  nodejs: ALREADY_BLOCKED('2016-10-31', 'nodejs22.x'),
  'nodejs4.3': ALREADY_BLOCKED('2020-03-05', 'nodejs22.x'),
  'nodejs4.3-edge': ALREADY_BLOCKED('2020-03-05', 'nodejs22.x'),
  'nodejs6.10': ALREADY_BLOCKED('2019-08-12', 'nodejs22.x'),
  'nodejs8.10': ALREADY_BLOCKED('2020-03-06', 'nodejs22.x'),
  'nodejs10.x': ALREADY_BLOCKED('2021-07-30', 'nodejs22.x'),
  'nodejs12.x': ALREADY_BLOCKED('2023-03-31', 'nodejs22.x'),
  'nodejs14.x': ALREADY_BLOCKED('2023-12-04', 'nodejs22.x'),
  'python2.7': ALREADY_BLOCKED('2021-07-15', 'python3.13'),
  'python3.6': ALREADY_BLOCKED('2022-07-18', 'python3.13'),
  'python3.7': ALREADY_BLOCKED('2023-12-04', 'python3.13'),
  'ruby2.5': ALREADY_BLOCKED('2021-07-30', 'ruby3.4'),
  'ruby2.7': ALREADY_BLOCKED('2023-12-07', 'ruby3.4'),
  'dotnetcore1.0': ALREADY_BLOCKED('2019-06-27', 'dotnet10'),
  'dotnetcore2.0': ALREADY_BLOCKED('2019-05-30', 'dotnet10'),
  'dotnetcore2.1': ALREADY_BLOCKED('2022-01-05', 'dotnet10'),
  'dotnetcore3.1': ALREADY_BLOCKED('2023-04-03', 'dotnet10'),
  dotnet7: ALREADY_BLOCKED('2024-05-14', 'dotnet10'),
  'go1.x': ALREADY_BLOCKED('2024-01-08', 'provided.al2023'),
  java8: ALREADY_BLOCKED('2024-01-08', 'java21'),
  provided: ALREADY_BLOCKED('2024-01-08', 'provided.al2023'),

  'nodejs16.x': EXTENDED('2024-06-12', 'nodejs22.x'),
  'python3.8': EXTENDED('2024-10-14', 'python3.13'),
  dotnet6: EXTENDED('2024-12-20', 'dotnet10'),
  'nodejs18.x': EXTENDED('2025-09-01', 'nodejs22.x'),
  'python3.9': EXTENDED('2025-12-15', 'python3.13'),
  'ruby3.2': EXTENDED('2026-03-31', 'ruby3.4'),
  'nodejs20.x': EXTENDED('2026-04-30', 'nodejs22.x'),
  'provided.al2': EXTENDED('2026-07-31', 'provided.al2023'),

  'python3.10': { deprecated: '2026-10-31', successor: 'python3.13' },
  dotnet8: { deprecated: '2026-11-10', successor: 'dotnet10' },
  'ruby3.3': { deprecated: '2027-03-31', successor: 'ruby3.4' },
  'nodejs22.x': { deprecated: '2027-04-30', successor: 'nodejs24.x' },
  'java8.al2': { deprecated: '2027-06-30', successor: 'java21' },
  java11: { deprecated: '2027-06-30', successor: 'java21' },
  java17: { deprecated: '2027-06-30', successor: 'java21' },
  'python3.11': { deprecated: '2027-06-30', successor: 'python3.13' },
};

/** Days before deprecation from which the rule gives advance notice (info). */
export const DEPRECATION_NOTICE_DAYS = 180;
