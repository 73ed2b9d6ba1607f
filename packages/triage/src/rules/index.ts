import { attachmentRules } from './attachment.rules';
import { genuineRules } from './genuine.rules';
import { headerRules } from './header.rules';
import { learnedRules } from './learned.rules';
import { linkRules } from './link.rules';
import { mailboxRules } from './mailbox.rules';
import { marketplaceRules } from './marketplace.rules';
import { originRules } from './origin.rules';
import type { TriageRule } from './rule';
import { scamContentRules } from './scam-content.rules';
import { spamContentRules } from './spam-content.rules';
import { spyContentRules } from './spy-content.rules';

/** Every signal the engine evaluates, in the order they are reported. */
export const TRIAGE_RULES: readonly TriageRule[] = [
  ...originRules,
  ...headerRules,
  ...mailboxRules,
  ...marketplaceRules,
  ...linkRules,
  ...attachmentRules,
  ...spamContentRules,
  ...scamContentRules,
  ...spyContentRules,
  ...genuineRules,
  ...learnedRules,
];

export type { RuleHit, TriageRule } from './rule';
