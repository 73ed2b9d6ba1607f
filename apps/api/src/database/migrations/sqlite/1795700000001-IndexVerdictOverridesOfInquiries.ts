import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Overridden inquiries are the labelled data: found and counted often, so indexed. */
export class IndexVerdictOverridesOfInquiries1795700000001 implements MigrationInterface {
  name = 'IndexVerdictOverridesOfInquiries1795700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_inquiries_verdict_override_at" ON "inquiries" ("verdict_override_at")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_inquiries_verdict_override_at"');
  }
}
