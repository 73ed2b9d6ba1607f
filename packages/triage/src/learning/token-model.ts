import type { NormalisedMessage } from '@inquiry/mail';

/**
 * A naive-Bayes token model in the manner of SpamAssassin's Bayes: trained from messages a team
 * has labelled (reps' verdict overrides), it learns the words, hosts and header habits of each
 * class. Plain JSON, so a deployment stores and reloads it.
 */
export interface TokenModel {
  /** Labels as trained: `clean` plus any of `spam`, `scam`, `spy`. */
  classes: string[];
  /** Messages per class, same order as `classes`. */
  documents: number[];
  /** Token -> number of messages of each class containing it. */
  tokens: Record<string, number[]>;
  /** What the model learned from, so an evaluation can tell whether a corpus overlaps it. */
  trainedOn?: TrainingRecord;
}

export interface TrainingRecord {
  /** Names of the labelled collections, e.g. `spamassassin-dev`. */
  sources: string[];
  messages: number;
  /** Sorted leading 16 hex digits of the SHA-256 of each raw training message. */
  digests: string[];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’$-]{1,24}/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}/gu;
/** Spam shows its hand in the opening; reading further costs time and adds little. */
const MAX_TEXT = 5_000;
const cache = new WeakMap<NormalisedMessage, string[]>();

/** Distinct tokens of a message: words, CJK bigrams, link hosts and a few header habits. */
export function messageTokens(message: NormalisedMessage): string[] {
  const cached = cache.get(message);
  if (cached) return cached;
  const tokens = new Set<string>();
  const addText = (prefix: string, full: string): void => {
    const text = full.slice(0, MAX_TEXT);
    for (const word of text.toLowerCase().match(WORD) ?? []) tokens.add(prefix + word);
    for (const run of text.match(CJK) ?? []) {
      for (let i = 0; i + 1 < run.length; i += 1) tokens.add(prefix + run.slice(i, i + 2));
    }
  };
  addText('s:', message.subject);
  addText('', message.text);
  for (const link of message.links.slice(0, 50))
    if (link.host) tokens.add(`url:${link.host.split('.').slice(-2).join('.')}`);
  const from = message.from?.address ?? '';
  tokens.add(`from:${from.slice(from.lastIndexOf('@') + 1)}`);
  for (const { name, value } of message.headers) {
    if (name === 'x-mailer' || name === 'user-agent')
      tokens.add(`mailer:${value.toLowerCase().split(/[\s/(]/)[0] ?? ''}`);
    else if (name === 'content-type')
      tokens.add(`ct:${value.toLowerCase().split(';')[0]?.trim() ?? ''}`);
    else if (name.startsWith('x-') || name.startsWith('list-')) tokens.add(`h:${name}`);
  }
  for (const a of message.attachments)
    tokens.add(`att:${a.filename.split('.').pop()?.toLowerCase() ?? ''}`);
  const result = [...tokens];
  cache.set(message, result);
  return result;
}

export function trainTokenModel(
  examples: ReadonlyArray<{ message: NormalisedMessage; label: string }>,
): TokenModel {
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  const documents = classes.map(() => 0);
  const tokens: Record<string, number[]> = {};
  for (const { message, label } of examples) {
    const c = classes.indexOf(label);
    documents[c]! += 1;
    for (const token of messageTokens(message)) {
      const counts = (tokens[token] ??= classes.map(() => 0));
      counts[c]! += 1;
    }
  }
  return { classes, documents, tokens };
}

/**
 * A model's tokens worked out once (a model is not changed after training), laid out flat so
 * that scoring a message reads numbers rather than objects.
 */
interface Evidence {
  classes: number;
  /** Token -> its row. */
  rows: Map<string, number>;
  /** Per row, its place from strongest (0) to weakest; equally strong tokens share it. */
  ranks: Int32Array;
  /** Per row, the log rate of each class, `classes` numbers per row. */
  logs: Float64Array;
}

const evidenceCache = new WeakMap<TokenModel, Evidence>();

function evidenceOf(model: TokenModel): Evidence {
  const cached = evidenceCache.get(model);
  if (cached) return cached;
  const kept: Array<{ token: string; strength: number; logs: number[] }> = [];
  for (const [token, counts] of Object.entries(model.tokens)) {
    if (counts.reduce((a, b) => a + b, 0) < 2) continue;
    const logs = tokenLogs(counts, model.documents);
    kept.push({ token, strength: Math.max(...logs) - Math.min(...logs), logs });
  }
  const strengths = [...new Set(kept.map((k) => k.strength))].sort((a, b) => b - a);
  const rankOf = new Map(strengths.map((strength, rank) => [strength, rank]));
  const classes = model.classes.length;
  const evidence: Evidence = {
    classes,
    rows: new Map(kept.map(({ token }, row) => [token, row])),
    ranks: Int32Array.from(kept, ({ strength }) => rankOf.get(strength)!),
    logs: Float64Array.from(kept.flatMap(({ logs }) => logs)),
  };
  evidenceCache.set(model, evidence);
  return evidence;
}

/** Tokens that separate classes most strongly decide; the rest is noise that only inflates confidence. */
const DECIDING_TOKENS = 150;

/** Posterior probability of each class for a message. */
export function classifyTokens(
  model: TokenModel,
  message: NormalisedMessage,
): Record<string, number> {
  const total = model.documents.reduce((a, b) => a + b, 0);
  const { classes: k, rows, ranks, logs } = evidenceOf(model);
  const tokens = messageTokens(message);
  const n = tokens.length;
  // Strongest first, equally strong in message order, as one number each (rank, then position):
  // a typed array sorts numbers natively, far faster than a comparator over objects.
  const order = new Float64Array(n);
  const foundRows = new Int32Array(n);
  let found = 0;
  for (const token of tokens) {
    const row = rows.get(token);
    if (row === undefined) continue;
    order[found] = ranks[row]! * n + found;
    foundRows[found] = row;
    found += 1;
  }
  const deciding = order.subarray(0, found).sort().subarray(0, DECIDING_TOKENS);
  const sums = Float64Array.from(model.documents, (d) => Math.log((d + 1) / (total + k)));
  for (const key of deciding) {
    const base = foundRows[key % n]! * k;
    for (let c = 0; c < k; c += 1) sums[c]! += logs[base + c]!;
  }
  const top = Math.max(...sums);
  const exp = sums.map((s) => Math.exp(s - top));
  const norm = exp.reduce((a, b) => a + b, 0);
  return Object.fromEntries(model.classes.map((name, c) => [name, exp[c]! / norm]));
}

export interface PruneOptions {
  /** Fewest training messages a token must occur in: rarer tokens are mostly names and typos. */
  minDocuments: number;
  /**
   * Smallest spread, in natural log, between the token's highest and lowest class rate: tokens
   * every class uses alike never reach the deciding set and only take space.
   */
  minStrength: number;
}

/**
 * Weight, in messages, of the token's rate over all classes in each class's estimate. A class
 * with a few dozen examples (the inquiry corpus's scams and probes) otherwise gets rates like
 * 1 in 19 for a word seen once, and any long mail full of such words lands in it.
 */
const BACKGROUND_WEIGHT = 10;

/** Per-class log rate of a token, shrunk towards its rate over all classes. */
function tokenLogs(counts: readonly number[], documents: readonly number[]): number[] {
  const total = documents.reduce((a, b) => a + b, 0);
  const background = (counts.reduce((a, b) => a + b, 0) + 0.5) / (total + 1);
  return counts.map((n, c) =>
    Math.log((n + BACKGROUND_WEIGHT * background) / (documents[c]! + BACKGROUND_WEIGHT)),
  );
}

/** A smaller model with only the frequent, discriminating tokens; class counts stay exact. */
export function pruneTokenModel(model: TokenModel, options: PruneOptions): TokenModel {
  const tokens: Record<string, number[]> = {};
  for (const [token, counts] of Object.entries(model.tokens)) {
    if (counts.reduce((a, b) => a + b, 0) < options.minDocuments) continue;
    const logs = tokenLogs(counts, model.documents);
    if (Math.max(...logs) - Math.min(...logs) >= options.minStrength) tokens[token] = counts;
  }
  return { ...model, tokens };
}

/**
 * The shipped model refined by a team's own labels: counts add up per class. A token the base
 * does not carry (pruned as rare or as used alike by every class) takes, in the base's messages,
 * the rate the team's labels show for it, so it neither looks rare in the base classes nor
 * skews towards them; a class the team never labelled gets the token's overall local rate.
 */
export function combineTokenModels(base: TokenModel, local: TokenModel): TokenModel {
  const classes = [...new Set([...base.classes, ...local.classes])].sort();
  const pick = (model: TokenModel, counts: readonly number[]): number[] =>
    classes.map((name) => {
      const c = model.classes.indexOf(name);
      return c < 0 ? 0 : (counts[c] ?? 0);
    });
  const baseDocuments = pick(base, base.documents);
  const localDocuments = pick(local, local.documents);
  const localTotal = localDocuments.reduce((a, b) => a + b, 0);
  const tokens: Record<string, number[]> = {};
  for (const [token, counts] of Object.entries(base.tokens)) tokens[token] = pick(base, counts);
  for (const [token, counts] of Object.entries(local.tokens)) {
    const own = pick(local, counts);
    const known = tokens[token];
    if (known) {
      tokens[token] = known.map((n, c) => n + own[c]!);
      continue;
    }
    const overall = own.reduce((a, b) => a + b, 0) / Math.max(localTotal, 1);
    tokens[token] = own.map(
      (n, c) => n + baseDocuments[c]! * (localDocuments[c]! > 0 ? n / localDocuments[c]! : overall),
    );
  }
  const combined: TokenModel = {
    classes,
    documents: classes.map((_, c) => baseDocuments[c]! + localDocuments[c]!),
    tokens,
  };
  if (base.trainedOn && local.trainedOn) {
    combined.trainedOn = {
      sources: [...new Set([...base.trainedOn.sources, ...local.trainedOn.sources])],
      messages: base.trainedOn.messages + local.trainedOn.messages,
      digests: [...new Set([...base.trainedOn.digests, ...local.trainedOn.digests])].sort(),
    };
  }
  return combined;
}
