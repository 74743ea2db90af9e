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

const BLOCKED = (deprecated: string, blockCreate: string, blockUpdate: string, successor: string): RuntimeLifecycle => ({ deprecated, blockCreate, blockUpdate, successor });
// Runtimes deprecated from 2024-06 to 2026-07 share the block dates AWS set in 2026.
const EXTENDED = (deprecated: string, successor: string): RuntimeLifecycle => ({ deprecated, blockCreate: '2027-02-01', blockUpdate: '2027-03-03', successor });

export const RUNTIMES: Readonly<Record<string, RuntimeLifecycle>> = {
  nodejs: BLOCKED('2016-10-31', '2016-10-31', '2016-10-31', 'nodejs24.x'),
  'nodejs4.3': BLOCKED('2020-03-05', '2020-03-05', '2020-03-05', 'nodejs24.x'),
  'nodejs4.3-edge': BLOCKED('2020-03-05', '2019-04-30', '2019-04-30', 'nodejs24.x'),
  'nodejs6.10': BLOCKED('2019-08-12', '2019-08-12', '2019-08-12', 'nodejs24.x'),
  'nodejs8.10': BLOCKED('2020-03-06', '2020-03-06', '2020-03-06', 'nodejs24.x'),
  'nodejs10.x': BLOCKED('2021-07-30', '2021-07-30', '2022-02-14', 'nodejs24.x'),
  'nodejs12.x': BLOCKED('2023-03-31', '2023-03-31', '2023-04-30', 'nodejs24.x'),
  'nodejs14.x': BLOCKED('2023-12-04', '2024-07-09', '2025-02-28', 'nodejs24.x'),
  'python2.7': BLOCKED('2021-07-15', '2021-07-15', '2022-05-30', 'python3.13'),
  'python3.6': BLOCKED('2022-07-18', '2022-07-18', '2022-08-29', 'python3.13'),
  'python3.7': BLOCKED('2023-12-04', '2024-01-09', '2025-02-28', 'python3.13'),
  'ruby2.5': BLOCKED('2021-07-30', '2021-07-30', '2022-03-31', 'ruby3.4'),
  'ruby2.7': BLOCKED('2023-12-07', '2024-01-09', '2025-02-28', 'ruby3.4'),
  'dotnetcore1.0': BLOCKED('2019-06-27', '2019-07-30', '2019-07-30', 'dotnet10'),
  'dotnetcore2.0': BLOCKED('2019-05-30', '2019-05-30', '2019-05-30', 'dotnet10'),
  'dotnetcore2.1': BLOCKED('2022-01-05', '2022-01-05', '2022-04-13', 'dotnet10'),
  'dotnetcore3.1': BLOCKED('2023-04-03', '2023-04-03', '2023-05-03', 'dotnet10'),
  dotnet7: BLOCKED('2024-05-14', '2024-05-14', '2024-05-14', 'dotnet10'),
  'go1.x': BLOCKED('2024-01-08', '2024-02-08', '2025-02-28', 'provided.al2023'),
  java8: BLOCKED('2024-01-08', '2024-02-08', '2025-02-28', 'java21'),
  provided: BLOCKED('2024-01-08', '2024-02-08', '2025-02-28', 'provided.al2023'),

  'nodejs16.x': EXTENDED('2024-06-12', 'nodejs24.x'),
  'python3.8': EXTENDED('2024-10-14', 'python3.13'),
  dotnet6: EXTENDED('2024-12-20', 'dotnet10'),
  'nodejs18.x': EXTENDED('2025-09-01', 'nodejs24.x'),
  'python3.9': EXTENDED('2025-12-15', 'python3.13'),
  'ruby3.2': EXTENDED('2026-03-31', 'ruby3.4'),
  'nodejs20.x': EXTENDED('2026-04-30', 'nodejs24.x'),
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
