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
      'UPDATE `inquiries` SET `mailbox_id` = (SELECT MIN(`location`.`mailbox_id`) FROM `message_locations` `location` WHERE `location`.`message_id` = `inquiries`.`message_id`) WHERE `mailbox_id` IS NULL',
    );
  }

  /** Which inquiries had no mailbox before is not kept; they keep the one they were given. */
  async down(): Promise<void> {}
}
