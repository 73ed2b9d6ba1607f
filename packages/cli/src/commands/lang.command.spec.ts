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

  it('breaks lines only at LF, so a stray CR inside a line does not make it two texts', async () => {
    const { out } = await run(
      [],
      'Hello there, how are you today?\rBonjour\nHola, ¿cómo estás?\r\n',
    );
    expect(out).toEqual(['en', 'es']);
  });

  it('judges TEXT arguments instead of standard input, one code each', async () => {
    const { out } = await run(
      ['Please send your best price', '--', '-Necesitamos una cotización para encimeras'],
      'Bonjour\n',
    );
    expect(out).toEqual(['en', 'es']);
  });

  it('judges all of standard input as one text with --whole and lists the other languages', async () => {
    const text = [
      'Guten Tag, wir sind ein Händler für Natursteine in Hamburg und suchen einen zuverlässigen',
      'Lieferanten für polierte Granitplatten in verschiedenen Farben und Stärken.',
      '',
      'Please reply in English if that is easier for your sales team.',
      '',
    ].join('\n');
    const { out } = await run(['--whole', '--json'], text);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] ?? '{}')).toMatchObject({
      language: 'de',
      others: [{ language: 'en', share: expect.any(Number) }],
    });
  });

  it('waits for a slow reader instead of buffering all its output', async () => {
    const stdout = new PassThrough({ highWaterMark: 1024 });
    const lines = 20_000;
    const io: CliIo = {
      stdin: Readable.from([Buffer.from('hello there my friend\n'.repeat(lines), 'utf8')]),
      stdout,
      stderr: new PassThrough(),
    };
    let finished = false;
    const running = langCommand.run([], io).then((code) => {
      finished = true;
      return code;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(finished).toBe(false);
    expect(stdout.writableLength).toBeLessThan(4096);

    let received = 0;
    stdout.on('data', (chunk: Buffer) => (received += chunk.length));
    await expect(running).resolves.toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toBe('en\n'.length * lines);
  });

  it.each([[['--xml']], [['--candidates', 'en,xx']], [['--candidates']], [['--whole', 'Hola']]])(
    'rejects %j',
    async (args) => {
      await expect(run(args, 'hello\n')).rejects.toBeInstanceOf(UsageError);
    },
  );
});
