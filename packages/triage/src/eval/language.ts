import { detectLanguage } from '@inquiry/lang';
import type { NormalisedMessage } from '@inquiry/mail';
import { senderText } from '../analysis/message-facts';
import type { TriageConfig } from '../triage.config';

/** The opening of the sender's text is enough to tell its language; longer texts only cost time. */
const LANGUAGE_SAMPLE = 1_000;

/** The language of the sender's own words, as the CLI and the service compute it before triage. */
export function languageOf(message: NormalisedMessage, config: TriageConfig): string {
  return detectLanguage(senderText(message, config).slice(0, LANGUAGE_SAMPLE), {
    context: { charset: message.declaredCharsets[0], contentLanguage: message.contentLanguage },
  }).language;
}
