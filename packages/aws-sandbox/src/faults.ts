import type { Tag } from './state.js';

/** Faults a test can switch on for a region (all calls signed for it) or for one role. */
export interface FaultSettings {
  /** Answer `Throttling: Rate exceeded`, as STS does above its request quota. */
  throttle?: boolean;
  /** Extra time before answering. */
  latencyMs?: number;
  /** Regions only: STS answers `RegionDisabledException`. */
  disabled?: boolean;
  /**
   * Roles only: treat the role's MaxSessionDuration as this many seconds. IAM's floor is
   * 3600, so without this a console capped at 3600 could never show the over-max error.
   */
  maxSessionDuration?: number;
}

export interface FaultSnapshot {
  regions: Record<string, FaultSettings>;
  /** Keyed by role ARN. */
  roles: Record<string, FaultSettings>;
  /** A changed or new trust policy reaches STS only after this long (IAM eventual consistency). */
  propagationDelayMs: number;
}

/** Role tags that switch faults on from the AWS CLI, with no access to the control endpoint. */
export const FAULT_TAGS = {
  throttle: 'rolebridge-sandbox:throttle',
  latencyMs: 'rolebridge-sandbox:latency-ms',
  maxSessionDuration: 'rolebridge-sandbox:max-session-duration',
} as const;

const MAX_LATENCY_MS = 60_000;

export class FaultControl {
  private regions = new Map<string, FaultSettings>();
  private roles = new Map<string, FaultSettings>();
  private delayMs = 0;

  setRegion(region: string, settings: FaultSettings | null): void {
    if (settings === null) this.regions.delete(region);
    else this.regions.set(region, clean(settings));
  }

  setRole(roleArn: string, settings: FaultSettings | null): void {
    if (settings === null) this.roles.delete(roleArn);
    else this.roles.set(roleArn, clean(settings));
  }

  setPropagationDelay(ms: number): void {
    this.delayMs = Math.max(0, Math.min(ms, 10 * MAX_LATENCY_MS));
  }

  get propagationDelayMs(): number {
    return this.delayMs;
  }

  reset(): void {
    this.regions.clear();
    this.roles.clear();
    this.delayMs = 0;
  }

  snapshot(): FaultSnapshot {
    return {
      regions: Object.fromEntries(this.regions),
      roles: Object.fromEntries(this.roles),
      propagationDelayMs: this.delayMs,
    };
  }

  /** Replaces every fault at once (what the HTTP control does with a PUT). */
  replace(snapshot: Partial<FaultSnapshot>): void {
    this.reset();
    for (const [region, s] of Object.entries(snapshot.regions ?? {})) this.setRegion(region, s);
    for (const [arn, s] of Object.entries(snapshot.roles ?? {})) this.setRole(arn, s);
    this.setPropagationDelay(snapshot.propagationDelayMs ?? 0);
  }

  forRegion(region: string): FaultSettings | undefined {
    return this.regions.get(region);
  }

  forRole(roleArn: string, tags: readonly Tag[]): FaultSettings {
    const configured = this.roles.get(roleArn) ?? {};
    const tagged: FaultSettings = {};
    for (const tag of tags) {
      if (tag.Key === FAULT_TAGS.throttle) tagged.throttle = tag.Value.toLowerCase() === 'true';
      if (tag.Key === FAULT_TAGS.latencyMs) tagged.latencyMs = bound(Number(tag.Value));
      if (tag.Key === FAULT_TAGS.maxSessionDuration) {
        const seconds = sessionSeconds(Number(tag.Value));
        if (seconds !== undefined) tagged.maxSessionDuration = seconds;
      }
    }
    return { ...tagged, ...configured };
  }
}

const sessionSeconds = (s: number): number | undefined =>
  Number.isInteger(s) && s >= 900 && s <= 43200 ? s : undefined;

const bound = (ms: number): number =>
  Number.isFinite(ms) ? Math.max(0, Math.min(ms, MAX_LATENCY_MS)) : 0;

function clean(settings: FaultSettings): FaultSettings {
  const out: FaultSettings = {};
  if (settings.throttle === true) out.throttle = true;
  if (settings.disabled === true) out.disabled = true;
  if (settings.latencyMs !== undefined) out.latencyMs = bound(settings.latencyMs);
  const seconds = sessionSeconds(settings.maxSessionDuration ?? NaN);
  if (seconds !== undefined) out.maxSessionDuration = seconds;
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseSettings(value: unknown, where: string): FaultSettings {
  if (!isRecord(value)) throw new Error(`${where} must be an object`);
  const out: FaultSettings = {};
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'throttle' || k === 'disabled') && typeof v === 'boolean') out[k] = v;
    else if (k === 'latencyMs' && typeof v === 'number' && Number.isFinite(v)) out.latencyMs = v;
    else if (k === 'maxSessionDuration' && typeof v === 'number' && sessionSeconds(v) !== undefined)
      out.maxSessionDuration = v;
    else throw new Error(`${where}.${k} is not a known fault setting`);
  }
  return out;
}

/** Validates a fault snapshot sent to the HTTP control; throws with a readable message. */
export function parseFaultSnapshot(value: unknown): Partial<FaultSnapshot> {
  if (!isRecord(value)) throw new Error('body must be a JSON object');
  const out: Partial<FaultSnapshot> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'regions' || k === 'roles') {
      if (!isRecord(v)) throw new Error(`${k} must be an object`);
      out[k] = Object.fromEntries(
        Object.entries(v).map(([name, s]) => [name, parseSettings(s, `${k}.${name}`)]),
      );
    } else if (k === 'propagationDelayMs' && typeof v === 'number' && Number.isFinite(v)) {
      out.propagationDelayMs = v;
    } else {
      throw new Error(`${k} is not a known field`);
    }
  }
  return out;
}
