import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runNode, serviceEnv } from '../test/run-cli';

// Each case starts a Node process that boots the service's database layer.
jest.setTimeout(60_000);

describe('inquiry token', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inquiry-cli-token-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a new token once, which the service then accepts under its name', async () => {
    const env = serviceEnv(dir);
    const first = await runCli(['token', 'create', '--name', 'ci-bot'], env);
    expect(first.code).toBe(0);
    const token = first.stdout.trim();
    expect(token).toMatch(/^inq_[A-Za-z0-9_-]{40,}$/);
    expect(first.stderr).toContain("'ci-bot'");

    const second = await runCli(['token', 'create', '--name=ci-bot'], env);
    expect(second.stdout.trim()).not.toBe(token);

    const check = await runNode(
      [
        '-e',
        `const api = require('@inquiry/api');
         api.createCliContext(process.env).then(async (ctx) => {
           const found = await ctx.get(api.ApiTokensService).authenticate(process.argv[1]);
           const forged = await ctx.get(api.ApiTokensService).authenticate(process.argv[1] + 'x');
           process.stdout.write(JSON.stringify({ name: found && found.name, role: found && found.role, forged }));
           await ctx.close();
         });`,
        token,
      ],
      env,
    );
    expect(JSON.parse(check.stdout)).toEqual({ name: 'ci-bot', role: 'admin', forged: null });
  });

  it.each([
    [['token'], 'missing action'],
    [['token', 'create'], '--name NAME is required'],
    [['token', 'create', '--name'], '--name needs a value'],
    [['token', 'create', '--name', 'x', '--role', 'boss'], '--role must be one of'],
    [['token', 'create', '--colour', 'red'], "unknown option '--colour'"],
  ])('rejects %j with a clear message and exit code 2', async (args, message) => {
    const result = await runCli(args, serviceEnv(dir));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('names every invalid setting when the configuration is wrong', async () => {
    const result = await runCli(['token', 'create', '--name', 'x'], {
      ...serviceEnv(dir),
      DB_URL: 'postgres://db/x',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DB_URL');
  });
});
