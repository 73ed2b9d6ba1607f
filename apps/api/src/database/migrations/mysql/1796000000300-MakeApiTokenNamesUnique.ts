import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A token is revoked by its name, so names become unique. Tokens that shared a name (as the
 * column's collation compares them) keep working: all but the oldest are renamed to
 * `<name> #<id>` (as `inquiry token list` shows).
 */
export class MakeApiTokenNamesUnique1796000000300 implements MigrationInterface {
  name = 'MakeApiTokenNamesUnique1796000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "UPDATE `api_tokens` `t` JOIN (SELECT MIN(`id`) AS `keep_id`, `name` FROM `api_tokens` GROUP BY `name`) `k` ON `t`.`name` = `k`.`name` AND `t`.`id` <> `k`.`keep_id` SET `t`.`name` = CONCAT(LEFT(`t`.`name`, 180), ' #', `t`.`id`)",
    );
    await queryRunner.query('CREATE UNIQUE INDEX `UQ_api_tokens_name` ON `api_tokens` (`name`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `UQ_api_tokens_name` ON `api_tokens`');
  }
}
