import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PruneOptions, TokenModel } from './token-model';

/** Written by `npm run train` (src/training/train-token-model.ts); shipped with the package. */
export const SHIPPED_MODEL_FILE = join(__dirname, '../../model/token-model.json');

export class TokenModelError extends Error {
  constructor(
    readonly source: string,
    readonly problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = 'TokenModelError';
  }
}

function isCountList(value: unknown, length: number): boolean {
  return (
    Array.isArray(value) &&
    value.length === length &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
  );
}

/** A token model from its JSON text; `source` names the file in the error. */
export function parseTokenModel(text: string, source: string): TokenModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TokenModelError(source, `is not JSON (${(error as Error).message})`);
  }
  const model = data as Partial<TokenModel> | null;
  if (
    !model ||
    !Array.isArray(model.classes) ||
    model.classes.length < 2 ||
    !model.classes.every((c) => typeof c === 'string')
  ) {
    throw new TokenModelError(source, 'classes: must list at least two class names');
  }
  const k = model.classes.length;
  if (!isCountList(model.documents, k))
    throw new TokenModelError(source, `documents: must hold ${k} message counts`);
  if (typeof model.tokens !== 'object' || model.tokens === null)
    throw new TokenModelError(source, 'tokens: must map tokens to counts');
  for (const [token, counts] of Object.entries(model.tokens)) {
    if (!isCountList(counts, k))
      throw new TokenModelError(source, `tokens.${token}: must hold ${k} counts`);
  }
  return model as TokenModel;
}

/**
 * How `npm run train` prunes the shipped model: tokens in fewer than 6 training messages are
 * mostly names and typos, and tokens whose class rates differ by less than a factor e never
 * reach the deciding set. About 8 % of the tokens remain, a file of some hundred KiB.
 */
export const SHIPPED_PRUNING: PruneOptions = { minDocuments: 6, minStrength: 1 };

let shipped: TokenModel | undefined;

/** The model trained on the project's labelled corpora, used when a deployment has none. */
export function shippedTokenModel(): TokenModel {
  shipped ??= parseTokenModel(readFileSync(SHIPPED_MODEL_FILE, 'utf8'), SHIPPED_MODEL_FILE);
  return shipped;
}

/** The digest a model's training record keeps for one raw message. */
export function messageDigest(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** How many of `raws` the model was trained on (0 when it keeps no training record). */
export function trainingOverlap(model: TokenModel, raws: readonly Uint8Array[]): number {
  const digests = new Set(model.trainedOn?.digests ?? []);
  return raws.filter((raw) => digests.has(messageDigest(raw))).length;
}
