import addressparser from 'nodemailer/lib/addressparser';
import type { Address } from './message';

/**
 * The mailboxes of address header values (raw, folding included), groups flattened, addresses
 * lower-cased; `decode` turns encoded words and raw 8-bit bytes into text.
 */
export function parseAddressList(rawValues: string[], decode: (raw: string) => string): Address[] {
  const result: Address[] = [];
  const visit = (entries: ReturnType<typeof addressparser>): void => {
    for (const entry of entries) {
      if ('group' in entry && Array.isArray(entry.group)) visit(entry.group);
      else if ('address' in entry && entry.address) {
        result.push({ address: decode(entry.address).toLowerCase(), name: decode(entry.name) });
      }
    }
  };
  for (const raw of rawValues) visit(addressparser(raw.replace(/\r?\n(?=[ \t])/g, '')));
  return result;
}

/** Mailboxes as a mail client lists them: `"Name" <address>`, comma-separated. */
export function formatAddressList(addresses: Address[]): string {
  return addresses
    .map(({ name, address }) =>
      name ? `"${name.replace(/["\\]/g, '\\$&')}" <${address}>` : address,
    )
    .join(', ');
}
