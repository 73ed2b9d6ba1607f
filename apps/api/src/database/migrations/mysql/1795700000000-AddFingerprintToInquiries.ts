import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Inquiries keep their text's simhash, so later mail can be compared without re-reading blobs. */
export class AddFingerprintToInquiries1795700000000 implements MigrationInterface {
  name = 'AddFingerprintToInquiries1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `inquiries` ADD `fingerprint` varchar(16) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `inquiries` DROP COLUMN `fingerprint`');
  }
}
