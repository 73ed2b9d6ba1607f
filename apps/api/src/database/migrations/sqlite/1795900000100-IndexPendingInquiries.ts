import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sync looks for a mailbox's untriaged inquiries after every pass that stored mail; without
 * this index that reads every inquiry the mailbox ever had to find the few pending ones.
 */
export class IndexPendingInquiries1795900000100 implements MigrationInterface {
  name = 'IndexPendingInquiries1795900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_inquiries_pending" ON "inquiries" ("mailbox_id", "triaged_at")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_inquiries_pending"');
  }
}
