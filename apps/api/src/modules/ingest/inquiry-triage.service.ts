import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import type { NormalisedMessage } from '@inquiry/mail';
import { loadTriageConfig, triage, type TriageConfig } from '@inquiry/triage';
import { AppConfig } from '../../config/app-config';
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
  /** What the sender claims about themselves (marketplace fields, signature), for the contact. */
  company?: string;
  country?: string;
}

/** Wraps the pure triage package for the service: configuration from TRIAGE_CONFIG, plain data out. */
@Injectable()
export class InquiryTriageService {
  private readonly config: TriageConfig;

  constructor(appConfig: AppConfig) {
    this.config = appConfig.triageConfigFile
      ? loadTriageConfig(readFileSync(appConfig.triageConfigFile, 'utf8'))
      : loadTriageConfig();
  }

  assess(message: NormalisedMessage, receivedAt: Date): InquiryAssessment {
    const result = triage({ message }, { now: receivedAt }, this.config);
    return {
      verdict: result.verdict,
      spamScore: result.scores.spam,
      scamScore: result.scores.scam,
      spyScore: result.scores.spy,
      tier: result.tier,
      language: null,
      slaDueAt: result.slaDue ?? null,
      signals: result.signals.map(({ id, class: signalClass, weight, detail }) => ({
        id,
        class: signalClass,
        weight,
        detail,
      })),
      company: result.marketplace?.company,
      country: result.marketplace?.country ?? result.claimedCountries[0],
    };
  }
}
