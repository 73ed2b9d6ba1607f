import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
    expect(first.stderr).toContain(
      `created a new database at sqlite:${join(dir, 'inquiry.sqlite')}`,
    );

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

  it('refuses a second token with a taken name and keeps the first working', async () => {
    const env = serviceEnv(dir);
    await runCli(['token', 'create', '--name', 'alice'], env);
    const second = await runCli(['token', 'create', '--name=alice', '--role', 'rep'], env);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain(`using database sqlite:${join(dir, 'inquiry.sqlite')}`);
    expect(second.stderr).toContain("inquiry token: a token named 'alice' already exists");
    const list = await runCli(['token', 'list'], env);
    expect(list.stdout.split('\n').filter((line) => line.startsWith('alice'))).toEqual([
      expect.stringMatching(/^alice +admin +\d{4}-\d\d-\d\d \d\d:\d\d UTC +never$/),
    ]);
  });

  it('lists tokens without their secret and revokes one by name, which the service then refuses', async () => {
    const env = serviceEnv(dir);
    const leaked = (await runCli(['token', 'create', '--name', 'ci-bot'], env)).stdout.trim();
    await runCli(['token', 'create', '--name', 'alice', '--role', 'rep'], env);
    const list = await runCli(['token', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^NAME +ROLE +CREATED +LAST USED$/);
    expect(list.stdout).toMatch(/^alice +rep /m);
    expect(list.stdout).toMatch(/^ci-bot +admin /m);
    expect(list.stdout).not.toContain(leaked.slice(4));

    const revoked = await runCli(['token', 'revoke', 'ci-bot'], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain("Revoked token 'ci-bot'");
    const check = await runNode(
      [
        '-e',
        `const api = require('@inquiry/api');
         api.createCliContext(process.env).then(async (ctx) => {
           process.stdout.write(JSON.stringify(await ctx.get(api.ApiTokensService).authenticate(process.argv[1])));
           await ctx.close();
         });`,
        leaked,
      ],
      env,
    );
    expect(check.stdout).toBe('null');
    expect((await runCli(['token', 'list'], env)).stdout).not.toContain('ci-bot');

    const again = await runCli(['token', 'revoke', 'ci-bot'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("no token is named 'ci-bot'");
  });

  it('refuses to list or revoke on a SQLite database that does not exist, and creates none', async () => {
    const result = await runCli(['token', 'list'], serviceEnv(dir));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `inquiry token: database sqlite:${join(dir, 'inquiry.sqlite')}: does not exist; run from the folder the service runs in or set DB_URL\n`,
    );
    expect(existsSync(join(dir, 'inquiry.sqlite'))).toBe(false);
  });

  it('says in one line that it cannot reach a MySQL server, without the password', async () => {
    const result = await runCli(['token', 'create', '--name', 'x'], {
      ...serviceEnv(dir),
      DB_URL: 'mysql://user:hunter2@127.0.0.1:1/inquiry',
    });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'inquiry token: cannot reach the database at mysql://127.0.0.1:1/inquiry (connection refused)\n',
    });
  });

  it('names the database and the problem when its folder cannot be made', async () => {
    await writeFile(join(dir, 'data'), 'a file where the folder should be');
    const result = await runCli(['token', 'create', '--name', 'x'], {
      ...serviceEnv(dir),
      DB_URL: `sqlite:${join(dir, 'data', 'inquiry.sqlite')}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `inquiry token: database sqlite:${join(dir, 'data', 'inquiry.sqlite')}: cannot create the folder ${join(dir, 'data')} (a file is in the way)\n`,
    );
  });

  it('names the secret key file when it is a folder', async () => {
    await mkdir(join(dir, 'secret.key'));
    const result = await runCli(['token', 'create', '--name', 'x'], serviceEnv(dir));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `inquiry token: secret key file ${join(dir, 'secret.key')} (SECRET_KEY_FILE): is a folder, not a file\n`,
    );
  });

  it.each([
    [['token'], 'missing action'],
    [['token', 'revoke'], 'revoke needs the NAME'],
    [['token', 'list', 'x'], 'list takes no arguments'],
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
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
