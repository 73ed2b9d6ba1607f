import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Follow-ups remember the stored quote mail, so a reply in the same second still cancels them. */
export class AddSentMessageToFollowUps1795600000001 implements MigrationInterface {
  name = 'AddSentMessageToFollowUps1795600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "follow_ups" ADD "sent_message_id" integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "follow_ups" DROP COLUMN "sent_message_id"');
  }
}
