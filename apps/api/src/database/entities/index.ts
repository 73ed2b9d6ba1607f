import { ApiTokenEntity } from './api-token.entity';
import { ContactEntity } from './contact.entity';
import { InquiryEntity } from './inquiry.entity';
import { MailboxFolderStateEntity } from './mailbox-folder-state.entity';
import { MailboxEntity } from './mailbox.entity';
import { MessageLocationEntity } from './message-location.entity';
import { MessageEntity } from './message.entity';
import { QuarantinedMessageEntity } from './quarantined-message.entity';
import { REPLY_ENTITIES } from './replies.entity-set';
import { ThreadEntity } from './thread.entity';

export * from './api-token.entity';
export * from './contact.entity';
export * from './inquiry.entity';
export * from './mailbox-folder-state.entity';
export * from './mailbox.entity';
export * from './message-location.entity';
export * from './message.entity';
export * from './quarantined-message.entity';
export * from './replies.entity-set';
export * from './thread.entity';

export const ENTITIES = [
  ApiTokenEntity,
  ContactEntity,
  InquiryEntity,
  MailboxEntity,
  MailboxFolderStateEntity,
  MessageEntity,
  MessageLocationEntity,
  QuarantinedMessageEntity,
  ThreadEntity,
  ...REPLY_ENTITIES,
];
