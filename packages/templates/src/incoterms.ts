/** Incoterms® 2020: four rules for sea and inland waterway only, seven for any mode. */
export const INCOTERMS_2020 = {
  EXW: 'any',
  FCA: 'any',
  CPT: 'any',
  CIP: 'any',
  DAP: 'any',
  DPU: 'any',
  DDP: 'any',
  FAS: 'sea',
  FOB: 'sea',
  CFR: 'sea',
  CIF: 'sea',
} as const;

export type IncotermCode = keyof typeof INCOTERMS_2020;

/** A rule always travels with its named place or port: "FOB Ningbo", "DAP Hamburg warehouse". */
export interface Incoterm {
  readonly code: IncotermCode;
  readonly namedPlace: string;
}

export class IncotermError extends Error {
  override readonly name = 'IncotermError';
}

export function isIncotermCode(code: string): code is IncotermCode {
  return Object.prototype.hasOwnProperty.call(INCOTERMS_2020, code);
}

export function incoterm(code: string, namedPlace: string): Incoterm {
  const normalised = code.trim().toUpperCase();
  if (!isIncotermCode(normalised)) {
    const hint = normalised === 'DAT' ? ' (DAT became DPU in Incoterms 2020)' : '';
    throw new IncotermError(
      `"${code}" is not an Incoterms 2020 rule${hint}; use one of ${Object.keys(INCOTERMS_2020).join(', ')}`,
    );
  }
  if (namedPlace.trim() === '') {
    throw new IncotermError(
      `${normalised} needs a named ${INCOTERMS_2020[normalised] === 'sea' ? 'port' : 'place'}`,
    );
  }
  return { code: normalised, namedPlace: namedPlace.trim() };
}

/** Parses "FOB Ningbo" or "CIF Santos, Brazil" as written in inquiries. */
export function parseIncoterm(text: string): Incoterm {
  const match = /^\s*([A-Za-z]{3})\s+(.+?)\s*$/.exec(text);
  if (!match?.[1] || !match[2])
    throw new IncotermError(`"${text}" is not "<RULE> <named place>", e.g. "FOB Ningbo"`);
  return incoterm(match[1], match[2]);
}

export function formatIncoterm(term: Incoterm): string {
  return `${term.code} ${term.namedPlace}`;
}
