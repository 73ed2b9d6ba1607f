import { createConnection } from 'mysql2/promise';
import { startMariaDb, type MariaDbServer } from './mariadb-server';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query(sql);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

describe('startMariaDb', () => {
  let server: MariaDbServer;

  beforeAll(async () => {
    server = await startMariaDb({ database: 'support_self_test' });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('serves the test database on a loopback port', async () => {
    expect(server.url).toMatch(/^mysql:\/\/[^@]+@127\.0\.0\.1:\d+\/support_self_test$/);
    const rows = await query<{ db: string }>(server.url, 'SELECT DATABASE() AS db');
    expect(rows[0]?.db).toBe('support_self_test');
  });

  it('keeps committed rows across a restart and across a crash', async () => {
    await query(server.url, 'CREATE TABLE kept (id INT PRIMARY KEY)');
    await query(server.url, 'INSERT INTO kept VALUES (1)');
    await server.restart();
    await query(server.url, 'INSERT INTO kept VALUES (2)');
    await server.kill();
    await expect(query(server.url, 'SELECT 1')).rejects.toThrow();
    await server.restart();
    const rows = await query<{ id: number }>(server.url, 'SELECT id FROM kept ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('creates further databases for isolated tests', async () => {
    const url = await server.createDatabase('support_other');
    const rows = await query<{ db: string }>(url, 'SELECT DATABASE() AS db');
    expect(rows[0]?.db).toBe('support_other');
  });
});
