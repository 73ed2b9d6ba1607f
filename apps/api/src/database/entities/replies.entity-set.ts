import { DraftEntity } from './draft.entity';
import { FollowUpEntity } from './follow-up.entity';
import { OutboundMessageEntity } from './outbound-message.entity';
import { QuoteEntity } from './quote.entity';
import { SampleOfferEntity } from './sample-offer.entity';
import { SamplePolicyEntity } from './sample-policy.entity';
import { SenderProfileEntity } from './sender-profile.entity';
import { CompanyTemplateEntity, TemplateOverrideEntity } from './template-override.entity';

export * from './draft.entity';
export * from './follow-up.entity';
export * from './outbound-message.entity';
export * from './quote.entity';
export * from './sample-offer.entity';
export * from './sample-policy.entity';
export * from './sender-profile.entity';
export * from './template-override.entity';

/** Answering inquiries: templates, drafts, sending, sample offers, quotes and their follow-ups. */
export const REPLY_ENTITIES = [
  DraftEntity,
  FollowUpEntity,
  OutboundMessageEntity,
  QuoteEntity,
  SampleOfferEntity,
  SamplePolicyEntity,
  SenderProfileEntity,
  TemplateOverrideEntity,
  CompanyTemplateEntity,
];
