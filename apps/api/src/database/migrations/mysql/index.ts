import { CreateInitialSchema1795427156754 } from './1795427156754-CreateInitialSchema';
import { CreateReplyTables1795600000000 } from './1795600000000-CreateReplyTables';

/** In order of application; a landed migration is never edited, only followed by a new one. */
export const MYSQL_MIGRATIONS = [CreateInitialSchema1795427156754, CreateReplyTables1795600000000];
