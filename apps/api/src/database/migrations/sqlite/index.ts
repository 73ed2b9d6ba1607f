import { CreateInitialSchema1795427156754 } from './1795427156754-CreateInitialSchema';

/** In order of application; a landed migration is never edited, only followed by a new one. */
export const SQLITE_MIGRATIONS = [CreateInitialSchema1795427156754];
