import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateCatalog } from '@inquiry/templates';
import { loadTemplateDirectory, TemplateFilesError } from './template-files.loader';

describe('loadTemplateDirectory', () => {
  let dir: string;
  const write = (name: string, content: unknown) =>
    writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inquiry-template-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads texts per locale and the company’s own definitions, layered over the shipped ones', async () => {
    await write('definitions.json', { 'fair-invite': { booth: 'text' } });
    await write('de.json', {
      templates: {
        'first-reply': { subject: 'Ihr Angebot für {{product}} folgt' },
        'fair-invite': { subject: 'Stand {{booth}}', body: 'Passt Ihnen Dienstag?' },
      },
    });
    await write('notes.txt', 'ignored');
    const catalog = new TemplateCatalog(await loadTemplateDirectory(dir));
    expect(catalog.source('first-reply', 'de').subject).toBe('Ihr Angebot für {{product}} folgt');
    expect(catalog.source('first-reply', 'de').body).toContain('{{product}}');
    expect(catalog.definition('fair-invite').variables).toEqual({ booth: 'text' });
  });

  it.each([
    ['de.json', '{"templates": ', /de\.json: not valid JSON/],
    ['xx.json', { templates: {} }, /xx\.json: "xx" is not a supported locale/],
    ['de.json', [], /de\.json: expected a JSON object/],
    [
      'de.json',
      { templates: { 'first-reply': { body: 'Rabatt {{discount}}' } } },
      /de\.json: locale de: templates\.first-reply\.body: \{\{discount\}\} is not a variable/,
    ],
    [
      'de.json',
      { templates: { mystery: { subject: 'a', body: 'b' } } },
      /de\.json: .*template "mystery" has no definition/,
    ],
    [
      'definitions.json',
      { 'fair-invite': { booth: 'colour' } },
      /definitions\.json: fair-invite\.booth: type must be one of text, integer, money, date/,
    ],
    [
      'definitions.json',
      { 'fair-invite': { buyerName: 'text' } },
      /definitions\.json: fair-invite\.buyerName: buyerName is given to every template already/,
    ],
  ])('refuses %s %j naming the file and the problem', async (name, content, message) => {
    await write(name, content);
    const loading = loadTemplateDirectory(dir);
    await expect(loading).rejects.toThrow(TemplateFilesError);
    await expect(loading).rejects.toThrow(message);
  });

  it('names a directory that does not exist', async () => {
    await expect(loadTemplateDirectory(join(dir, 'missing'))).rejects.toThrow(
      /TEMPLATES_DIR .*missing: ENOENT/,
    );
  });
});
