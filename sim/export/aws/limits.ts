/**
 * What the AWS services accept for the values a plan simulates, and the nearest valid value when a
 * plan's value is outside it. Every adjustment comes back with a warning giving both values; the
 * callers never change a value silently. Pure; imports only sim/export types and sim/model paths.
 */
import { formatPath, type PathSegment } from '../../model/issues';
import type { ExportWarning } from '../types';

export interface Adjusted {
  value: number;
  warning?: ExportWarning;
}

function nearest(value: number, allowed: readonly number[]): number {
  let best = allowed[0]!;
  for (const a of allowed) if (Math.abs(a - value) < Math.abs(best - value)) best = a;
  return best;
}

function adjust(value: number, valid: number, code: string, path: PathSegment[], what: string, rule: string): Adjusted {
  if (valid === value) return { value };
  return { value: valid, warning: { code, path: formatPath(path), message: `${what}: the plan simulates ${value}, ${rule}; the export writes ${valid}.` } };
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Route 53 health checks probe every 10 or 30 seconds, nothing else. */
export function route53Interval(value: number, path: PathSegment[]): Adjusted {
  return adjust(value, nearest(value, [10, 30]), 'route53-interval-adjusted', path, 'Route 53 health-check interval', 'Route 53 accepts only 10 or 30 seconds');
}

/** Route 53 failure threshold: a whole number from 1 to 10. */
export function route53FailureThreshold(value: number, path: PathSegment[]): Adjusted {
  return adjust(value, clampInt(value, 1, 10), 'route53-threshold-adjusted', path, 'Route 53 failure threshold', 'Route 53 accepts 1 to 10');
}

/** Route 53 has one threshold for failing and recovering: a different recovery threshold cannot be kept. */
export function route53RecoveryThreshold(recovery: number, failureWritten: number, path: PathSegment[]): ExportWarning | undefined {
  if (recovery === failureWritten) return undefined;
  return {
    code: 'route53-recovery-threshold-adjusted',
    path: formatPath(path),
    message: `Route 53 recovery threshold: the plan simulates ${recovery}, but Route 53 has one threshold for failure and recovery; the export writes ${failureWritten} (the failure threshold).`,
  };
}

/** Route 53 record weight: a whole number from 0 to 255. */
export function route53Weight(value: number, path: PathSegment[]): Adjusted {
  return adjust(value, clampInt(value, 0, 255), 'route53-weight-adjusted', path, 'Route 53 record weight', 'Route 53 accepts whole numbers from 0 to 255');
}

/** Route 53 TTL: a whole number of seconds from 0 to 2,147,483,647. */
export function route53Ttl(value: number, path: PathSegment[]): Adjusted {
  return adjust(value, clampInt(value, 0, 2_147_483_647), 'route53-ttl-adjusted', path, 'DNS TTL', 'Route 53 accepts whole seconds');
}

/** ALB target-group health-check interval: a whole number of seconds from 5 to 300. */
export function albInterval(value: number, path: PathSegment[]): Adjusted {
  return adjust(value, clampInt(value, 5, 300), 'alb-interval-adjusted', path, 'ALB health-check interval', 'an ALB accepts whole seconds from 5 to 300');
}

/** ALB healthy / unhealthy thresholds: 2 to 10. */
export function albThreshold(value: number, path: PathSegment[], which: 'healthy' | 'unhealthy'): Adjusted {
  return adjust(value, clampInt(value, 2, 10), 'alb-threshold-adjusted', path, `ALB ${which} threshold`, 'an ALB accepts 2 to 10');
}

/** Backup schedules a cron expression can keep on the plan's t = 0 grid (hour 0 UTC). */
const BACKUP_HOURS = [1, 2, 3, 4, 6, 8, 12, 24, 168] as const;

export function backupCron(hours: number): string {
  if (hours === 24) return 'cron(0 0 * * ? *)';
  if (hours === 168) return 'cron(0 0 ? * SUN *)';
  if (hours === 1) return 'cron(0 * * * ? *)';
  return `cron(0 0/${hours} * * ? *)`;
}

/** AWS Backup interval: a divisor of a day, a day or a week, so the schedule stays on one grid. */
export function backupInterval(value: number, path: PathSegment[]): Adjusted {
  return adjust(value, nearest(value, BACKUP_HOURS), 'backup-interval-adjusted', path, 'AWS Backup interval (hours)', 'a backup rule repeats every 1, 2, 3, 4, 6, 8, 12, 24 or 168 hours');
}

/** Days a recovery point is kept so that `copies` backups exist at once (AWS Backup counts whole days). */
export function backupRetentionDays(copies: number, intervalHours: number, path: PathSegment[]): Adjusted {
  const exact = (copies * intervalHours) / 24;
  const days = Math.max(1, Math.ceil(exact - 1e-9));
  if (days === exact) return { value: days };
  return {
    value: days,
    warning: {
      code: 'backup-retention-rounded',
      path: formatPath(path),
      message: `AWS Backup keeps recovery points for whole days: ${copies} copies every ${intervalHours} h is ${exact.toFixed(3)} days; the export keeps them ${days} day${days === 1 ? '' : 's'}, so at least ${copies} copies exist.`,
    },
  };
}
