import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMessage } from '@inquiry/mail';
import { type AppConfig, ConfigError } from '../../config/app-config';
import { mail } from '../../test/temp-context';
import { InquiryTriageService } from './inquiry-triage.service';

describe('InquiryTriageService', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inquiry-triage-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const withConfigFile = (file?: string) =>
    new InquiryTriageService({ triageConfigFile: file } as AppConfig);

  it("detects the buyer's language and triages with it", async () => {
    const message = await parseMessage(
      mail({
        subject: 'Запрос цены',
        body: 'Добрый день! Просим направить коммерческое предложение на 20 км кабеля, условия поставки DAP Новосибирск.',
      }),
    );
    const assessment = withConfigFile().assess(message, new Date('2026-03-02T09:00:00Z'));
    expect(assessment.language).toBe('ru');
    expect(assessment.verdict).toBe('clean');
    expect(assessment.relayed).toBe(false);
    for (const signal of assessment.signals)
      expect(Object.keys(signal).sort()).toEqual(['class', 'detail', 'id', 'weight']);
  });

  it('stops the boot with a configuration error naming TRIAGE_CONFIG when the file is wrong', async () => {
    const broken = join(dir, 'triage.json');
    await writeFile(broken, '{ "weights": ');
    expect(() => withConfigFile(broken)).toThrow(ConfigError);
    expect(() => withConfigFile(broken)).toThrow(/TRIAGE_CONFIG: .*triage\.json/);
    expect(() => withConfigFile(join(dir, 'missing.json'))).toThrow(/TRIAGE_CONFIG: cannot read/);
  });
});
