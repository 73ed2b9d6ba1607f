import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({
      type: 'sqlite',
      path: expect.stringMatching(/data[/\\]inquiry\.sqlite$/),
    });
    expect(config.port).toBe(3000);
    expect(config.syncFolders).toEqual(['INBOX']);
    expect(config.demoInbox).toBe(true);
    expect(config.secretKey).toBeUndefined();
  });

  it('lists every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DB_URL: 'postgres://x/y',
        IMAP_POLL_SECONDS: '0',
        DEMO_INBOX: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DB_URL', 'IMAP_POLL_SECONDS', 'DEMO_INBOX'])
      expect(problems).toContain(`${name}:`);
  });

  it('requires SECRET_KEY in production on MySQL but not on SQLite', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DB_URL: 'mysql://u:p@db:3306/inquiry' }),
    ).toThrow(/SECRET_KEY/);
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
  });

  it('accepts a hex or base64 32-byte key and rejects a short one', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ SECRET_KEY: hex }).secretKey).toEqual(Buffer.from(hex, 'hex'));
    expect(loadConfig({ SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey).toEqual(
      Buffer.alloc(32, 7),
    );
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY: expected 32 bytes/);
  });

  it('reads the default follow-up days and rejects a list that is not increasing', () => {
    expect(loadConfig({}).followUpDays).toEqual([3, 7, 14]);
    expect(loadConfig({ FOLLOW_UP_DAYS: '4, 10,21' }).followUpDays).toEqual([4, 10, 21]);
    for (const bad of ['7,3', '0,3', 'three', '3,3'])
      expect(() => loadConfig({ FOLLOW_UP_DAYS: bad })).toThrow(
        `FOLLOW_UP_DAYS: expected up to 6 increasing whole numbers of days, e.g. 3,7,14, got '${bad}'`,
      );
  });

  it('parses mysql and mariadb URLs and a comma-separated folder list', () => {
    const config = loadConfig({
      DB_URL: 'mariadb://u:p@db/inquiry',
      SYNC_FOLDERS: 'INBOX, Archive ,',
    });
    expect(config.database).toEqual({ type: 'mariadb', url: 'mariadb://u:p@db/inquiry' });
    expect(config.syncFolders).toEqual(['INBOX', 'Archive']);
    expect(() => loadConfig({ DB_URL: 'mysql://u:p@db' })).toThrow(/missing database name/);
  });
});
