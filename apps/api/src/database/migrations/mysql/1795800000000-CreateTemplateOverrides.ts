import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Company template texts per locale over the shipped ones, and templates the company added. */
export class CreateTemplateOverrides1795800000000 implements MigrationInterface {
  name = 'CreateTemplateOverrides1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `template_overrides` (`id` int NOT NULL AUTO_INCREMENT, `template_id` varchar(100) NOT NULL, `locale` varchar(16) NOT NULL, `subject` varchar(1000) NOT NULL, `body` mediumtext NOT NULL, `updated_by` varchar(200) NOT NULL, `updated_at` datetime NOT NULL, UNIQUE INDEX `UQ_template_overrides_template_locale` (`template_id`, `locale`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `company_templates` (`id` int NOT NULL AUTO_INCREMENT, `template_id` varchar(100) NOT NULL, `variables` mediumtext NOT NULL, `created_by` varchar(200) NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, UNIQUE INDEX `UQ_company_templates_template` (`template_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `company_templates`');
    await queryRunner.query('DROP TABLE `template_overrides`');
  }
}
