import { detectLanguage } from '@inquiry/lang';
import type { NormalisedMessage } from '@inquiry/mail';
import { senderText } from './message-facts';
import type { TriageConfig } from '../triage.config';

/** The opening of the sender's text is enough to tell its language; longer texts only cost time. */
const LANGUAGE_SAMPLE = 1_000;

/**
 * The language of the sender's own words: what the CLI, the service and the eval pass to triage,
 * computed in one place so the three agree.
 */
export function buyerLanguage(message: NormalisedMessage, config: TriageConfig): string {
  return detectLanguage(senderText(message, config).slice(0, LANGUAGE_SAMPLE), {
    context: { charset: message.declaredCharsets[0], contentLanguage: message.contentLanguage },
  }).language;
}
