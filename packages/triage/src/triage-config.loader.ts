import type { MarketplaceAdapter, TriageConfig } from './triage.config';
import { DEFAULT_TRIAGE_CONFIG } from './triage.config';

/** A deployment's configuration is wrong; `key` names the offending setting (`weights.spam.x`). */
export class TriageConfigError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`${key}: ${reason}`);
  }
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: Json, key: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new TriageConfigError(key, 'must be an array of strings');
  }
  return value as string[];
}

function numberValue(value: Json, key: string, min = 0, max = Number.POSITIVE_INFINITY): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new TriageConfigError(key, `must be a number from ${min} to ${max}`);
  }
  return value;
}

function pattern(value: Json, key: string): string {
  if (typeof value !== 'string')
    throw new TriageConfigError(key, 'must be a regular expression string');
  try {
    new RegExp(value, 'imu');
  } catch (error) {
    throw new TriageConfigError(
      key,
      `is not a valid regular expression (${(error as Error).message})`,
    );
  }
  return value;
}

/** Merges `override` into `base` where both are plain objects of the same shape, checking each leaf. */
function mergeSection<T extends object>(
  base: T,
  override: Json,
  key: string,
  leaf: (v: Json, k: string, d: Json) => Json,
): T {
  if (!isObject(override)) throw new TriageConfigError(key, 'must be an object');
  const result: Record<string, Json> = { ...(base as Record<string, Json>) };
  for (const [name, value] of Object.entries(override)) {
    const path = `${key}.${name}`;
    if (!(name in result)) throw new TriageConfigError(path, 'is not a known setting');
    result[name] = leaf(value, path, result[name]);
  }
  return result as T;
}

function leafLike(value: Json, key: string, current: Json): Json {
  if (typeof current === 'number') return numberValue(value, key);
  if (typeof current === 'string') {
    if (typeof value !== 'string') throw new TriageConfigError(key, 'must be a string');
    return value;
  }
  if (Array.isArray(current)) {
    if (current.length > 0 && current.every((item) => typeof item === 'number')) {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'number')) {
        throw new TriageConfigError(key, 'must be an array of numbers');
      }
      return value;
    }
    return stringArray(value, key);
  }
  if (isObject(current)) return mergeSection(current, value, key, leafLike);
  throw new TriageConfigError(key, 'cannot be overridden');
}

function adapter(value: Json, key: string): MarketplaceAdapter {
  if (!isObject(value)) throw new TriageConfigError(key, 'must be an object');
  const text = (name: string): string => {
    const v = value[name];
    if (typeof v !== 'string' || v.trim() === '')
      throw new TriageConfigError(`${key}.${name}`, 'must be a non-empty string');
    return v;
  };
  const list = (name: string, required: boolean): string[] => {
    const v = value[name];
    if (v === undefined && !required) return [];
    const items = stringArray(v, `${key}.${name}`);
    if (required && items.length === 0)
      throw new TriageConfigError(`${key}.${name}`, 'must not be empty');
    return items;
  };
  const fieldsJson = value.fields ?? {};
  if (!isObject(fieldsJson)) throw new TriageConfigError(`${key}.fields`, 'must be an object');
  const known = ['buyerName', 'company', 'country', 'product', 'quantity', 'message', 'badges'];
  const fields: MarketplaceAdapter['fields'] = {};
  for (const [name, source] of Object.entries(fieldsJson)) {
    if (!known.includes(name))
      throw new TriageConfigError(
        `${key}.fields.${name}`,
        `is not a known field (${known.join(', ')})`,
      );
    fields[name as keyof MarketplaceAdapter['fields']] = pattern(source, `${key}.fields.${name}`);
  }
  const layout = list('layout', true).map((source, i) => pattern(source, `${key}.layout.${i}`));
  return {
    id: text('id'),
    name: text('name'),
    senderDomains: list('senderDomains', true).map((d) => d.toLowerCase()),
    linkDomains: list('linkDomains', false).map((d) => d.toLowerCase()),
    layout,
    fields,
    verifiedBadges: list('verifiedBadges', false).map((b) => b.toLowerCase()),
    newAccountBadges: list('newAccountBadges', false).map((b) => b.toLowerCase()),
  };
}

/**
 * Builds the configuration of a deployment from its JSON override (text or parsed). Sections merge
 * into the defaults; lists replace the default list, except `marketplaces` and
 * `extraMarketplaces`: `marketplaces` replaces the built-in adapters, `extraMarketplaces` adds to them.
 */
export function loadTriageConfig(json: unknown = {}): TriageConfig {
  let parsed: Json = json;
  if (typeof json === 'string') {
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new TriageConfigError('(file)', `is not valid JSON (${(error as Error).message})`);
    }
  }
  if (!isObject(parsed)) throw new TriageConfigError('(root)', 'must be a JSON object');
  const { marketplaces, extraMarketplaces, ...rest } = parsed;
  const config = mergeSection(DEFAULT_TRIAGE_CONFIG, rest, '', (value, key, current) =>
    leafLike(value, key.slice(1), current),
  );
  const adapters = (value: Json, key: string): MarketplaceAdapter[] => {
    if (!Array.isArray(value)) throw new TriageConfigError(key, 'must be an array of adapters');
    return value.map((item, i) => adapter(item, `${key}.${i}`));
  };
  let platforms =
    marketplaces === undefined ? config.marketplaces : adapters(marketplaces, 'marketplaces');
  if (extraMarketplaces !== undefined)
    platforms = [...platforms, ...adapters(extraMarketplaces, 'extraMarketplaces')];
  const time = config.sla;
  for (const name of ['open', 'close'] as const) {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time[name]))
      throw new TriageConfigError(`sla.${name}`, 'must be HH:MM');
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: time.timeZone });
  } catch {
    throw new TriageConfigError('sla.timeZone', `'${time.timeZone}' is not an IANA time zone`);
  }
  for (const day of time.holidays) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw new TriageConfigError('sla.holidays', `'${day}' is not YYYY-MM-DD`);
  }
  if (!/^[A-Z]{2}$/.test(config.ownCountry))
    throw new TriageConfigError('ownCountry', 'must be an ISO 3166 alpha-2 code');
  return {
    ...config,
    ownDomains: config.ownDomains.map((d) => d.toLowerCase()),
    marketplaces: platforms,
  };
}
