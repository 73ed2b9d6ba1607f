import type { NormalisedMessage } from '@inquiry/mail';
import { buildFacts } from '../analysis/message-facts';
import type { RuleHit, TriageRule } from '../rules/rule';
import type { TriageConfig } from '../triage.config';
import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import type { TriageContext } from '../triage.types';

/** A plain inquiry from a company mailbox; tests override only what they are about. */
export function buildMessage(overrides: Partial<NormalisedMessage> = {}): NormalisedMessage {
  const base: NormalisedMessage = {
    messageId: 'abc123@buyer-example.de',
    rawSha256: '0'.repeat(64),
    references: [],
    subject: 'Inquiry',
    from: { address: 'anna.schmidt@buyer-example.de', name: 'Anna Schmidt' },
    replyTo: [],
    to: [{ address: 'sales@exporter-example.com', name: '' }],
    cc: [],
    date: new Date('2024-10-08T08:00:00Z'),
    dateOffsetMinutes: 120,
    dateRaw: 'Tue, 8 Oct 2024 10:00:00 +0200',
    headers: [
      { name: 'from', value: 'Anna Schmidt <anna.schmidt@buyer-example.de>' },
      { name: 'to', value: 'sales@exporter-example.com' },
      { name: 'content-type', value: 'text/plain; charset=utf-8' },
    ],
    received: [],
    text: 'Hello,\n\nPlease send me information.\n\nAnna',
    html: '',
    links: [],
    attachments: [],
    declaredCharsets: ['utf-8'],
    problems: [],
  };
  return { ...base, ...overrides };
}

export const TEST_CONFIG: TriageConfig = {
  ...DEFAULT_TRIAGE_CONFIG,
  ownDomains: ['exporter-example.com'],
  trustedRelays: ['mx.exporter-example.com'],
  ownProducts: ['quartz', 'granite'],
};

export interface RuleCase {
  name: string;
  message: Partial<NormalisedMessage>;
  language?: string;
  context?: TriageContext;
  config?: TriageConfig;
}

/** What one rule says about a message, or undefined when it stays silent. */
export function evaluateRule(rule: TriageRule, c: RuleCase): RuleHit | undefined {
  return rule.evaluate(
    buildFacts(
      buildMessage(c.message),
      c.language ?? 'und',
      c.config ?? TEST_CONFIG,
      c.context ?? {},
    ),
  );
}

export function header(name: string, value: string): { name: string; value: string } {
  return { name, value };
}
