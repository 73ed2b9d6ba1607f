import { CreateInitialSchema1795427156754 } from './1795427156754-CreateInitialSchema';
import { CreateReplyTables1795600000000 } from './1795600000000-CreateReplyTables';
import { AddSentMessageToFollowUps1795600000001 } from './1795600000001-AddSentMessageToFollowUps';

/** In order of application; a landed migration is never edited, only followed by a new one. */
export const MYSQL_MIGRATIONS = [
  CreateInitialSchema1795427156754,
  CreateReplyTables1795600000000,
  AddSentMessageToFollowUps1795600000001,
];
