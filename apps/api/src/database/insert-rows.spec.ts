import { openDatabase } from './data-source.factory';
import { insertRowsCases } from './test/insert-rows.cases';

describe('insertRows on SQLite', () => {
  insertRowsCases(() => openDatabase({ type: 'sqlite', path: ':memory:' }));
});
