import type { NormalisedMessage } from '@inquiry/mail';
import type { TokenModel } from './learning/token-model';

/** The class a signal speaks for; `genuine` is evidence that lowers suspicion. */
export type SignalClass = 'spam' | 'scam' | 'spy' | 'genuine';
export type SuspicionClass = Exclude<SignalClass, 'genuine'>;
export type Verdict = 'clean' | SuspicionClass;
export type Tier = 'A' | 'B' | 'C' | 'D';

export interface Explanation {
  en: string;
  zh: string;
}

export interface Signal {
  id: string;
  class: SignalClass;
  weight: number;
  /** What was found: the IP and its country, the phrase, the host, the file name. */
  detail: string;
  explanation: Explanation;
}

/** Fields a marketplace adapter read from a relayed notification. */
export interface MarketplaceFields {
  platform: string;
  buyerName?: string;
  company?: string;
  country?: string;
  product?: string;
  quantity?: string;
  /** The buyer's own words, without the platform template. */
  message: string;
  badges: string[];
}

export interface RecentInquiry {
  /** Fingerprint as returned by an earlier triage (`TriageResult.fingerprint`). */
  fingerprint: string;
  /** Sender address of that inquiry, so a resend by the same person is not a duplicate. */
  sender?: string;
  receivedAt?: Date;
}

/** Everything known about the sender and the mailbox beyond the message itself. */
export interface TriageContext {
  /** Clock for the SLA when the message has no usable Date; defaults to the message date. */
  now?: Date;
  /** Message-IDs we sent, so a reply in one of our threads is recognised. */
  ourMessageIds?: string[];
  recentInquiries?: RecentInquiry[];
  /**
   * Token model for the `learned.*` signals: the deployment's (usually the shipped model refined
   * by its labels, see `combineTokenModels`); omitted, the shipped model; `null`, rules only.
   */
  tokenModel?: TokenModel | null;
}

export interface TriageInput {
  message: NormalisedMessage;
  /** ISO 639-1 language of the sender's text from the language detector, `und` when unknown. */
  language?: string;
}

export interface OriginInfo {
  ip?: string;
  country?: string;
  /** Where the IP came from: `x-originating-ip` or `received`. */
  source?: 'x-originating-ip' | 'received';
}

export interface TriageResult {
  verdict: Verdict;
  scores: Record<SuspicionClass, number>;
  tier: Tier;
  /** When a reply is due (business hours); undefined for tier D, which gets no sales reply. */
  slaDue?: Date;
  /** What the rep should do with a tier-D message. */
  suggestedAction: 'reply' | 'report' | 'reject';
  signals: Signal[];
  origin: OriginInfo;
  claimedCountries: string[];
  marketplace?: MarketplaceFields;
  /** Similarity fingerprint of this inquiry's text, for later near-duplicate checks. */
  fingerprint: string;
}
