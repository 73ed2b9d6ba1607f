import { ReturnInquiriesToTheirMailboxes1796100000000 } from './sqlite/1796100000000-ReturnInquiriesToTheirMailboxes';
import { upgradeWith } from './test/sqlite-migration';

describe('ReturnInquiriesToTheirMailboxes (SQLite)', () => {
  it('gives inquiries left by a deleted mailbox a mailbox that holds their messages', async () => {
    await upgradeWith(
      ReturnInquiriesToTheirMailboxes1796100000000,
      async (old) => {
        const connect = async (name: string) => {
          const [{ id }] = await old.query<[{ id: number }]>(
            'INSERT INTO "mailboxes" ("name", "address", "imap_host", "imap_port", "imap_secure", "imap_user", "imap_password_encrypted", "enabled", "consecutive_failures", "created_at", "updated_at") VALUES (?, \'sales@seller.example\', \'imap.seller.example\', 993, 1, \'sales\', \'v1:unused\', 1, 0, datetime(), datetime()) RETURNING "id"',
            [name],
          );
          return id;
        };
        const us = await connect('us');
        const euAgain = await connect('eu again');
        // Subject: where the message sits, then the inquiry's mailbox before the migration.
        for (const [subject, locations, mailboxId] of [
          ['in both, orphaned', [euAgain, us], null],
          ['in EU again, orphaned', [euAgain], null],
          ['imported', [], null],
          ['in US, kept in EU again', [us], euAgain],
        ] as const) {
          const [{ id }] = await old.query<[{ id: number }]>(
            'INSERT INTO "messages" ("dedup_key", "raw_sha256", "raw_size", "subject", "from_name", "to", "cc", "headers", "text", "html", "attachments", "problems", "references", "outgoing", "demo", "created_at") VALUES (?, \'sha\', 1, ?, \'\', \'[]\', \'[]\', \'[]\', \'\', \'\', \'[]\', \'[]\', \'[]\', 0, 0, datetime()) RETURNING "id"',
            [subject, subject],
          );
          for (const [uid, location] of locations.entries())
            await old.query(
              'INSERT INTO "message_locations" ("message_id", "mailbox_id", "folder", "uid_validity", "uid", "created_at") VALUES (?, ?, \'INBOX\', 1, ?, datetime())',
              [id, location, id * 10 + uid],
            );
          await old.query(
            'INSERT INTO "inquiries" ("message_id", "mailbox_id", "status", "received_at", "created_at", "updated_at") VALUES (?, ?, \'new\', datetime(), datetime(), datetime())',
            [id, mailboxId],
          );
        }
        return { us, euAgain };
      },
      async (migrated, { us, euAgain }) => {
        const rows = await migrated.query<Array<{ subject: string; mailboxId: number | null }>>(
          'SELECT "m"."subject", "i"."mailbox_id" AS "mailboxId" FROM "inquiries" "i" JOIN "messages" "m" ON "m"."id" = "i"."message_id"',
        );
        expect(Object.fromEntries(rows.map((row) => [row.subject, row.mailboxId]))).toEqual({
          'in both, orphaned': us,
          'in EU again, orphaned': euAgain,
          imported: null,
          'in US, kept in EU again': euAgain,
        });
      },
    );
  });
});
