import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A token is revoked by its name, so names become unique. Tokens that shared a name keep
 * working: all but the oldest are renamed to `<name> #<id>` (as `inquiry token list` shows).
 */
export class MakeApiTokenNamesUnique1796000000300 implements MigrationInterface {
  name = 'MakeApiTokenNamesUnique1796000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'UPDATE "api_tokens" SET "name" = substr("name", 1, 180) || \' #\' || "id" WHERE "id" NOT IN (SELECT MIN("id") FROM "api_tokens" GROUP BY "name")',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_api_tokens_name" ON "api_tokens" ("name")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "UQ_api_tokens_name"');
  }
}
