import { readFileSync } from 'node:fs';
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';

let free: Set<string> | undefined;
let disposable: Set<string> | undefined;

/** Free-mail providers from the `freemail` package's list (its disposable part is checked separately). */
export function isFreeMailDomain(domain: string): boolean {
  free ??= new Set(
    readFileSync(require.resolve('freemail/data/free.txt'), 'utf8')
      .split('\n')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
  );
  return free.has(domain);
}

export function isDisposableDomain(domain: string): boolean {
  // The package rebuilds its set on every call; keep one.
  disposable ??= disposableEmailBlocklistSet();
  return disposable.has(domain);
}
