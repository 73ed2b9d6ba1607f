import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../command';
import { UsageError } from '../command';
import { langCommand } from './lang.command';

async function run(args: string[], input: string): Promise<{ code: number; out: string[] }> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const io: CliIo = {
    stdin: Readable.from([Buffer.from(input, 'utf8')]),
    stdout,
    stderr: new PassThrough(),
  };
  const code = await langCommand.run(args, io);
  return { code, out: chunks.join('').split('\n').slice(0, -1) };
}

describe('inquiry lang', () => {
  it('prints one code per input line, in order, with und for lines without words', async () => {
    const input = [
      'Please send your best price for 500 pcs of quartz countertops',
      'Necesitamos una cotización para encimeras de cuarzo',
      '',
      '请报价石英石台面',
      '12345 678',
      'Пришлите, пожалуйста, прайс-лист',
    ].join('\n');
    const { code, out } = await run([], input);
    expect(code).toBe(0);
    expect(out).toEqual(['en', 'es', 'und', 'zh', 'und', 'ru']);
  });

  it('prints the full result per line with --json', async () => {
    const { out } = await run(
      ['--json'],
      'Bonjour, pouvez-vous nous envoyer votre catalogue ?\r\n',
    );
    expect(out).toHaveLength(1);
    const result = JSON.parse(out[0] ?? '{}') as Record<string, unknown>;
    expect(result).toMatchObject({ language: 'fr', script: 'latin' });
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result).toHaveProperty('runnerUp.language');
  });

  it('chooses only among --candidates', async () => {
    const { out } = await run(
      ['--candidates=id,ms'],
      'Kami ingin memesan ubin granit untuk proyek hotel kami\n',
    );
    expect(['id', 'ms']).toContain(out[0]);
  });

  it.each([[['--xml']], [['--candidates', 'en,xx']], [['--candidates']]])(
    'rejects %j',
    async (args) => {
      await expect(run(args, 'hello\n')).rejects.toBeInstanceOf(UsageError);
    },
  );
});
