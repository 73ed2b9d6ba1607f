import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A rep's confirmation of a suspicious Reply-To address, required before such a reply is sent. */
export class AddRecipientConfirmationToDrafts1795800000001 implements MigrationInterface {
  name = 'AddRecipientConfirmationToDrafts1795800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "drafts" ADD "recipient_confirmed" varchar(1000)');
    await queryRunner.query('ALTER TABLE "drafts" ADD "recipient_confirmed_by" varchar(200)');
    await queryRunner.query('ALTER TABLE "drafts" ADD "recipient_confirmed_at" datetime');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "drafts" DROP COLUMN "recipient_confirmed_at"');
    await queryRunner.query('ALTER TABLE "drafts" DROP COLUMN "recipient_confirmed_by"');
    await queryRunner.query('ALTER TABLE "drafts" DROP COLUMN "recipient_confirmed"');
  }
}
