import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting a mailbox used to leave its inquiries without one, although another mailbox held
 * their messages; sync, which now gives them that mailbox, never looks at a position it has
 * recorded already. They get it here (the lowest id, when several). Inquiries whose messages
 * sit in no mailbox, such as imported mail, stay without one.
 */
export class ReturnInquiriesToTheirMailboxes1796100000000 implements MigrationInterface {
  name = 'ReturnInquiriesToTheirMailboxes1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'UPDATE "inquiries" SET "mailbox_id" = "found"."mailbox_id" FROM (SELECT "message_id", MIN("mailbox_id") AS "mailbox_id" FROM "message_locations" GROUP BY "message_id") AS "found" WHERE "inquiries"."mailbox_id" IS NULL AND "inquiries"."message_id" = "found"."message_id"',
    );
  }

  /** Which inquiries had no mailbox before is not kept; they keep the one they were given. */
  async down(): Promise<void> {}
}
