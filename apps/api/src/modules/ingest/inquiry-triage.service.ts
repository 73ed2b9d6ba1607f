import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import type { NormalisedMessage } from '@inquiry/mail';
import {
  buyerLanguage,
  loadTriageConfig,
  triage,
  type TriageConfig,
  TriageConfigError,
  type TriageContext,
} from '@inquiry/triage';
import { AppConfig, ConfigError } from '../../config/app-config';
import type { StoredSignal, Tier, Verdict } from '../../database/entities';

export interface InquiryAssessment {
  verdict: Verdict;
  spamScore: number;
  scamScore: number;
  spyScore: number;
  tier: Tier;
  language: string | null;
  slaDueAt: Date | null;
  signals: StoredSignal[];
  /** Simhash of the buyer's words, stored for later near-duplicate checks. */
  fingerprint: string;
  /**
   * A marketplace notification: the sender is the platform, not the buyer, so its address and
   * subject say nothing about who is writing.
   */
  relayed: boolean;
  /** What the buyer claims about themselves (marketplace fields, signature). */
  company?: string;
  country?: string;
}

/** The inquiry columns an assessment fills, the same at ingestion, deferred triage and re-triage. */
export function triageColumns(assessment: InquiryAssessment, at: Date) {
  return {
    verdict: assessment.verdict,
    spamScore: assessment.spamScore,
    scamScore: assessment.scamScore,
    spyScore: assessment.spyScore,
    tier: assessment.tier,
    language: assessment.language,
    slaDueAt: assessment.slaDueAt,
    signals: assessment.signals,
    fingerprint: assessment.fingerprint,
    triagedAt: at,
  };
}

/**
 * Wraps the pure language and triage packages for the service, the same way `inquiry triage`
 * does: the language of the buyer's own words (not the quoted thread or a marketplace
 * template) feeds triage. Configuration comes from TRIAGE_CONFIG.
 */
@Injectable()
export class InquiryTriageService {
  private readonly config: TriageConfig;

  constructor(appConfig: AppConfig) {
    this.config = appConfig.triageConfigFile
      ? readTriageConfig(appConfig.triageConfigFile)
      : loadTriageConfig();
  }

  /** `context` is what is known beyond the message: history, our sent mail, the learned model. */
  assess(
    message: NormalisedMessage,
    receivedAt: Date,
    context: TriageContext = {},
  ): InquiryAssessment {
    const language = buyerLanguage(message, this.config);
    const result = triage({ message, language }, { ...context, now: receivedAt }, this.config);
    return {
      verdict: result.verdict,
      spamScore: result.scores.spam,
      scamScore: result.scores.scam,
      spyScore: result.scores.spy,
      tier: result.tier,
      language,
      slaDueAt: result.slaDue ?? null,
      signals: result.signals.map(({ id, class: signalClass, weight, detail }) => ({
        id,
        class: signalClass,
        weight,
        detail,
      })),
      fingerprint: result.fingerprint,
      relayed: result.marketplace !== undefined,
      company: result.marketplace?.company,
      country: result.marketplace?.country ?? result.claimedCountries[0],
    };
  }

  /**
   * Whether triage will read the message as a marketplace notification (platform sender and
   * template both match), known before triage runs so a stored but untriaged relay is not
   * threaded by its platform sender and templated subject.
   */
  isRelayed(message: NormalisedMessage): boolean {
    const at = message.from?.address.lastIndexOf('@') ?? -1;
    const sender =
      at < 0
        ? ''
        : message
            .from!.address.slice(at + 1)
            .toLowerCase()
            .replace(/\.$/, '');
    return this.config.marketplaces.some(
      (adapter) =>
        adapter.senderDomains.some(
          (domain) => sender === domain || sender.endsWith(`.${domain}`),
        ) && adapter.layout.some((source) => new RegExp(source, 'imu').test(message.text)),
    );
  }
}

/** A bad TRIAGE_CONFIG stops the boot like any other invalid setting, naming file and key. */
function readTriageConfig(file: string): TriageConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([
      `TRIAGE_CONFIG: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    ]);
  }
  try {
    return loadTriageConfig(text);
  } catch (error) {
    if (error instanceof TriageConfigError)
      throw new ConfigError([`TRIAGE_CONFIG: ${file}: ${error.message}`]);
    throw error;
  }
}
