import { CreateInitialSchema1795427156754 } from './1795427156754-CreateInitialSchema';
import { CreateReplyTables1795600000000 } from './1795600000000-CreateReplyTables';
import { AddSentMessageToFollowUps1795600000001 } from './1795600000001-AddSentMessageToFollowUps';
import { AddFingerprintToInquiries1795700000000 } from './1795700000000-AddFingerprintToInquiries';
import { IndexVerdictOverridesOfInquiries1795700000001 } from './1795700000001-IndexVerdictOverridesOfInquiries';
import { CreateTemplateOverrides1795800000000 } from './1795800000000-CreateTemplateOverrides';
import { AddRecipientConfirmationToDrafts1795800000001 } from './1795800000001-AddRecipientConfirmationToDrafts';
import { IndexPendingInquiries1795900000100 } from './1795900000100-IndexPendingInquiries';
import { MakeApiTokenNamesUnique1796000000300 } from './1796000000300-MakeApiTokenNamesUnique';
import { ReturnInquiriesToTheirMailboxes1796100000000 } from './1796100000000-ReturnInquiriesToTheirMailboxes';

/** In order of application; a landed migration is never edited, only followed by a new one. */
export const SQLITE_MIGRATIONS = [
  CreateInitialSchema1795427156754,
  CreateReplyTables1795600000000,
  AddSentMessageToFollowUps1795600000001,
  AddFingerprintToInquiries1795700000000,
  IndexVerdictOverridesOfInquiries1795700000001,
  CreateTemplateOverrides1795800000000,
  AddRecipientConfirmationToDrafts1795800000001,
  IndexPendingInquiries1795900000100,
  MakeApiTokenNamesUnique1796000000300,
  ReturnInquiriesToTheirMailboxes1796100000000,
];
