import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from './detect-language';

/**
 * Short inquiries the detector once got wrong, one per file; the file name starts with the
 * language the buyer wrote in.
 */
const FIXTURES = join(__dirname, 'fixtures');

describe('golden fixtures', () => {
  it.each(readdirSync(FIXTURES).filter((file) => file.endsWith('.txt')))('reads %s', (file) => {
    const expected = file.slice(0, file.indexOf('-'));
    expect(detectLanguage(readFileSync(join(FIXTURES, file), 'utf8')).language).toBe(expected);
  });
});
