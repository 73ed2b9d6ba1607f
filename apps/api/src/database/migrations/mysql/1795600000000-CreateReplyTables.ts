import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts, their sending, sample offers, quotes with revisions, follow-ups and sender profiles. */
export class CreateReplyTables1795600000000 implements MigrationInterface {
  name = 'CreateReplyTables1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `drafts` (`id` int NOT NULL AUTO_INCREMENT, `inquiry_id` int NOT NULL, `kind` varchar(16) NOT NULL, `template_id` varchar(100) NOT NULL, `variables` mediumtext NOT NULL, `locale` varchar(16) NOT NULL, `subject` varchar(1000) NOT NULL, `text` mediumtext NOT NULL, `attachments` mediumtext NOT NULL, `flags` mediumtext NOT NULL, `status` varchar(16) NOT NULL, `quote_id` int NULL, `sample_offer_id` int NULL, `created_by` varchar(200) NOT NULL, `approved_by` varchar(200) NULL, `approved_at` datetime NULL, `override_by` varchar(200) NULL, `override_at` datetime NULL, `override_reason` varchar(1000) NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, INDEX `IDX_drafts_inquiry` (`inquiry_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `quotes` (`id` int NOT NULL AUTO_INCREMENT, `inquiry_id` int NOT NULL, `number` varchar(40) NOT NULL, `revision` int NOT NULL, `supersedes_id` int NULL, `revision_reason` varchar(1000) NULL, `currency` varchar(3) NOT NULL, `buyer_name` varchar(200) NOT NULL, `buyer_company` varchar(500) NOT NULL, `lines` mediumtext NOT NULL, `incoterm_code` varchar(3) NOT NULL, `incoterm_place` varchar(200) NOT NULL, `port_of_loading` varchar(200) NOT NULL, `payment_terms` varchar(500) NOT NULL, `packing` varchar(1000) NOT NULL, `lead_time_min_days` int NOT NULL, `lead_time_max_days` int NOT NULL, `issued_on` varchar(10) NOT NULL, `valid_until` varchar(10) NOT NULL, `time_zone` varchar(64) NOT NULL, `notes` mediumtext NULL, `total_amount` varchar(40) NOT NULL, `locale` varchar(16) NOT NULL, `follow_up_days` mediumtext NOT NULL, `created_by` varchar(200) NOT NULL, `sent_at` datetime NULL, `created_at` datetime NOT NULL, INDEX `IDX_quotes_inquiry` (`inquiry_id`), INDEX `IDX_quotes_supersedes` (`supersedes_id`), INDEX `IDX_quotes_valid_until` (`valid_until`), UNIQUE INDEX `UQ_quotes_number_revision` (`number`, `revision`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `follow_ups` (`id` int NOT NULL AUTO_INCREMENT, `quote_id` int NOT NULL, `inquiry_id` int NOT NULL, `thread_id` int NULL, `rep` varchar(200) NOT NULL, `step` int NOT NULL, `due_at` datetime NOT NULL, `quote_sent_at` datetime NOT NULL, `status` varchar(16) NOT NULL, `cancelled_reason` varchar(200) NULL, `closed_at` datetime NULL, `closed_by` varchar(200) NULL, `created_at` datetime NOT NULL, INDEX `IDX_follow_ups_rep_status_due` (`rep`, `status`, `due_at`), UNIQUE INDEX `UQ_follow_ups_quote_step` (`quote_id`, `step`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `outbound_messages` (`id` int NOT NULL AUTO_INCREMENT, `draft_id` int NOT NULL, `mailbox_id` int NOT NULL, `idempotency_key` varchar(200) NULL, `message_id_header` varchar(255) NOT NULL, `raw_sha256` varchar(64) NOT NULL, `to_address` varchar(320) NOT NULL, `state` varchar(16) NOT NULL, `attempts` int NOT NULL, `last_error` varchar(2000) NULL, `smtp_response` varchar(1000) NULL, `sending_since` datetime NULL, `sent_at` datetime NULL, `failed_at` datetime NULL, `sent_folder` varchar(255) NULL, `append_error` varchar(2000) NULL, `stored_message_id` int NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, UNIQUE INDEX `UQ_outbound_messages_draft` (`draft_id`), UNIQUE INDEX `UQ_outbound_messages_idempotency_key` (`idempotency_key`), UNIQUE INDEX `UQ_outbound_messages_message_id` (`message_id_header`), INDEX `IDX_outbound_messages_state` (`state`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `sample_offers` (`id` int NOT NULL AUTO_INCREMENT, `inquiry_id` int NOT NULL, `kind` varchar(16) NOT NULL, `reason` varchar(40) NOT NULL, `items` mediumtext NOT NULL, `currency` varchar(3) NOT NULL, `sample_value` varchar(40) NOT NULL, `fee` varchar(40) NOT NULL, `freight_payer` varchar(32) NULL, `courier` varchar(100) NULL, `courier_account` varchar(100) NULL, `credit_on_order_of_at_least` int NULL, `created_by` varchar(200) NOT NULL, `created_at` datetime NOT NULL, INDEX `IDX_sample_offers_inquiry` (`inquiry_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `sample_policies` (`id` int NOT NULL AUTO_INCREMENT, `currency` varchar(3) NOT NULL, `free_up_to_value` varchar(40) NOT NULL, `credit_on_order_of_at_least` int NULL, `require_verified_buyer` tinyint NOT NULL, `dispatch_days` int NOT NULL, `updated_by` varchar(200) NOT NULL, `updated_at` datetime NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `sender_profiles` (`id` int NOT NULL AUTO_INCREMENT, `rep` varchar(200) NOT NULL, `full_name` varchar(200) NOT NULL, `title` varchar(200) NOT NULL, `company` varchar(500) NOT NULL, `phone` varchar(100) NOT NULL, `email` varchar(320) NOT NULL, `website` varchar(500) NOT NULL, `address_lines` mediumtext NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, UNIQUE INDEX `UQ_sender_profiles_rep` (`rep`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `drafts` ADD CONSTRAINT `FK_drafts_inquiry` FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `quotes` ADD CONSTRAINT `FK_quotes_inquiry` FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `quotes` ADD CONSTRAINT `FK_quotes_supersedes` FOREIGN KEY (`supersedes_id`) REFERENCES `quotes`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `follow_ups` ADD CONSTRAINT `FK_follow_ups_quote` FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `follow_ups` ADD CONSTRAINT `FK_follow_ups_thread` FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `outbound_messages` ADD CONSTRAINT `FK_outbound_messages_draft` FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `outbound_messages` ADD CONSTRAINT `FK_outbound_messages_mailbox` FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `sample_offers` ADD CONSTRAINT `FK_sample_offers_inquiry` FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `sample_offers` DROP FOREIGN KEY `FK_sample_offers_inquiry`',
    );
    await queryRunner.query(
      'ALTER TABLE `outbound_messages` DROP FOREIGN KEY `FK_outbound_messages_mailbox`',
    );
    await queryRunner.query(
      'ALTER TABLE `outbound_messages` DROP FOREIGN KEY `FK_outbound_messages_draft`',
    );
    await queryRunner.query('ALTER TABLE `follow_ups` DROP FOREIGN KEY `FK_follow_ups_thread`');
    await queryRunner.query('ALTER TABLE `follow_ups` DROP FOREIGN KEY `FK_follow_ups_quote`');
    await queryRunner.query('ALTER TABLE `quotes` DROP FOREIGN KEY `FK_quotes_supersedes`');
    await queryRunner.query('ALTER TABLE `quotes` DROP FOREIGN KEY `FK_quotes_inquiry`');
    await queryRunner.query('ALTER TABLE `drafts` DROP FOREIGN KEY `FK_drafts_inquiry`');
    await queryRunner.query('DROP INDEX `UQ_sender_profiles_rep` ON `sender_profiles`');
    await queryRunner.query('DROP TABLE `sender_profiles`');
    await queryRunner.query('DROP TABLE `sample_policies`');
    await queryRunner.query('DROP INDEX `IDX_sample_offers_inquiry` ON `sample_offers`');
    await queryRunner.query('DROP TABLE `sample_offers`');
    await queryRunner.query('DROP INDEX `IDX_outbound_messages_state` ON `outbound_messages`');
    await queryRunner.query('DROP INDEX `UQ_outbound_messages_message_id` ON `outbound_messages`');
    await queryRunner.query(
      'DROP INDEX `UQ_outbound_messages_idempotency_key` ON `outbound_messages`',
    );
    await queryRunner.query('DROP INDEX `UQ_outbound_messages_draft` ON `outbound_messages`');
    await queryRunner.query('DROP TABLE `outbound_messages`');
    await queryRunner.query('DROP INDEX `UQ_follow_ups_quote_step` ON `follow_ups`');
    await queryRunner.query('DROP INDEX `IDX_follow_ups_rep_status_due` ON `follow_ups`');
    await queryRunner.query('DROP TABLE `follow_ups`');
    await queryRunner.query('DROP INDEX `UQ_quotes_number_revision` ON `quotes`');
    await queryRunner.query('DROP INDEX `IDX_quotes_valid_until` ON `quotes`');
    await queryRunner.query('DROP INDEX `IDX_quotes_supersedes` ON `quotes`');
    await queryRunner.query('DROP INDEX `IDX_quotes_inquiry` ON `quotes`');
    await queryRunner.query('DROP TABLE `quotes`');
    await queryRunner.query('DROP INDEX `IDX_drafts_inquiry` ON `drafts`');
    await queryRunner.query('DROP TABLE `drafts`');
  }
}
