import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInitialSchema1795427156754 implements MigrationInterface {
  name = 'CreateInitialSchema1795427156754';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `api_tokens` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(200) NOT NULL, `token_hash` varchar(64) NOT NULL, `role` varchar(32) NOT NULL, `created_at` datetime NOT NULL, `last_used_at` datetime NULL, UNIQUE INDEX `UQ_api_tokens_token_hash` (`token_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `contacts` (`id` int NOT NULL AUTO_INCREMENT, `address` varchar(320) NOT NULL, `name` varchar(500) NOT NULL, `company` varchar(500) NULL, `country` varchar(2) NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, UNIQUE INDEX `UQ_contacts_address` (`address`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `mailboxes` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(200) NOT NULL, `address` varchar(320) NOT NULL, `imap_host` varchar(255) NOT NULL, `imap_port` int NOT NULL, `imap_secure` tinyint NOT NULL, `imap_user` varchar(320) NOT NULL, `imap_password_encrypted` varchar(2048) NOT NULL, `smtp_host` varchar(255) NULL, `smtp_port` int NULL, `smtp_secure` tinyint NULL, `smtp_user` varchar(320) NULL, `smtp_password_encrypted` varchar(2048) NULL, `folders` mediumtext NULL, `enabled` tinyint NOT NULL, `lease_owner` varchar(200) NULL, `lease_expires_at` datetime NULL, `last_success_at` datetime NULL, `last_error` varchar(2000) NULL, `last_error_at` datetime NULL, `consecutive_failures` int NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, INDEX `IDX_mailboxes_address` (`address`), INDEX `IDX_mailboxes_lease_expires_at` (`lease_expires_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `threads` (`id` int NOT NULL AUTO_INCREMENT, `subject` varchar(1000) NOT NULL, `normalised_subject` varchar(255) NOT NULL, `contact_id` int NULL, `last_message_at` datetime NOT NULL, `created_at` datetime NOT NULL, INDEX `IDX_threads_subject_contact` (`normalised_subject`, `contact_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `messages` (`id` int NOT NULL AUTO_INCREMENT, `dedup_key` varchar(80) NOT NULL, `message_id` varchar(998) NULL, `raw_sha256` varchar(64) NOT NULL, `raw_size` int NOT NULL, `subject` varchar(1000) NOT NULL, `from_address` varchar(320) NULL, `from_name` varchar(500) NOT NULL, `to` mediumtext NOT NULL, `cc` mediumtext NOT NULL, `sent_at` datetime NULL, `headers` mediumtext NOT NULL, `text` mediumtext NOT NULL, `html` mediumtext NOT NULL, `attachments` mediumtext NOT NULL, `problems` mediumtext NOT NULL, `in_reply_to` varchar(998) NULL, `references` mediumtext NOT NULL, `outgoing` tinyint NOT NULL, `demo` tinyint NOT NULL, `thread_id` int NULL, `contact_id` int NULL, `created_at` datetime NOT NULL, UNIQUE INDEX `UQ_messages_dedup_key` (`dedup_key`), INDEX `IDX_messages_raw_sha256` (`raw_sha256`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `inquiries` (`id` int NOT NULL AUTO_INCREMENT, `message_id` int NOT NULL, `mailbox_id` int NULL, `thread_id` int NULL, `contact_id` int NULL, `status` varchar(16) NOT NULL, `assignee` varchar(200) NULL, `verdict` varchar(8) NULL, `spam_score` int NULL, `scam_score` int NULL, `spy_score` int NULL, `tier` varchar(1) NULL, `language` varchar(8) NULL, `sla_due_at` datetime NULL, `signals` mediumtext NULL, `triaged_at` datetime NULL, `verdict_override` varchar(8) NULL, `verdict_override_by` varchar(200) NULL, `verdict_override_at` datetime NULL, `received_at` datetime NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, UNIQUE INDEX `UQ_inquiries_message` (`message_id`), INDEX `IDX_inquiries_assignee` (`assignee`), INDEX `IDX_inquiries_verdict` (`verdict`), INDEX `IDX_inquiries_status_received` (`status`, `received_at`), INDEX `IDX_inquiries_received` (`received_at`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `mailbox_folder_states` (`id` int NOT NULL AUTO_INCREMENT, `mailbox_id` int NOT NULL, `folder` varchar(255) NOT NULL, `uid_validity` bigint NOT NULL, `highest_uid` bigint NOT NULL, `highest_modseq` varchar(20) NULL, `messages_on_server` int NULL, `last_synced_at` datetime NULL, UNIQUE INDEX `UQ_mailbox_folder_states_mailbox_folder` (`mailbox_id`, `folder`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `message_locations` (`id` int NOT NULL AUTO_INCREMENT, `message_id` int NOT NULL, `mailbox_id` int NOT NULL, `folder` varchar(255) NOT NULL, `uid_validity` bigint NOT NULL, `uid` bigint NOT NULL, `created_at` datetime NOT NULL, UNIQUE INDEX `UQ_message_locations_position` (`mailbox_id`, `folder`, `uid_validity`, `uid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `quarantined_messages` (`id` int NOT NULL AUTO_INCREMENT, `mailbox_id` int NULL, `folder` varchar(255) NULL, `uid_validity` bigint NULL, `uid` bigint NULL, `import_source` varchar(1000) NULL, `raw_sha256` varchar(64) NULL, `reason` varchar(2000) NOT NULL, `created_at` datetime NOT NULL, INDEX `IDX_quarantined_messages_raw_sha256` (`raw_sha256`), INDEX `IDX_quarantined_messages_position` (`mailbox_id`, `folder`, `uid_validity`, `uid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'ALTER TABLE `threads` ADD CONSTRAINT `FK_threads_contact` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `messages` ADD CONSTRAINT `FK_messages_thread` FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `messages` ADD CONSTRAINT `FK_messages_contact` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `inquiries` ADD CONSTRAINT `FK_inquiries_message` FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `inquiries` ADD CONSTRAINT `FK_inquiries_mailbox` FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `inquiries` ADD CONSTRAINT `FK_inquiries_thread` FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `inquiries` ADD CONSTRAINT `FK_inquiries_contact` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `mailbox_folder_states` ADD CONSTRAINT `FK_mailbox_folder_states_mailbox` FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `message_locations` ADD CONSTRAINT `FK_message_locations_message` FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `message_locations` ADD CONSTRAINT `FK_message_locations_mailbox` FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `quarantined_messages` ADD CONSTRAINT `FK_quarantined_messages_mailbox` FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `quarantined_messages` DROP FOREIGN KEY `FK_quarantined_messages_mailbox`',
    );
    await queryRunner.query(
      'ALTER TABLE `message_locations` DROP FOREIGN KEY `FK_message_locations_mailbox`',
    );
    await queryRunner.query(
      'ALTER TABLE `message_locations` DROP FOREIGN KEY `FK_message_locations_message`',
    );
    await queryRunner.query(
      'ALTER TABLE `mailbox_folder_states` DROP FOREIGN KEY `FK_mailbox_folder_states_mailbox`',
    );
    await queryRunner.query('ALTER TABLE `inquiries` DROP FOREIGN KEY `FK_inquiries_contact`');
    await queryRunner.query('ALTER TABLE `inquiries` DROP FOREIGN KEY `FK_inquiries_thread`');
    await queryRunner.query('ALTER TABLE `inquiries` DROP FOREIGN KEY `FK_inquiries_mailbox`');
    await queryRunner.query('ALTER TABLE `inquiries` DROP FOREIGN KEY `FK_inquiries_message`');
    await queryRunner.query('ALTER TABLE `messages` DROP FOREIGN KEY `FK_messages_contact`');
    await queryRunner.query('ALTER TABLE `messages` DROP FOREIGN KEY `FK_messages_thread`');
    await queryRunner.query('ALTER TABLE `threads` DROP FOREIGN KEY `FK_threads_contact`');
    await queryRunner.query(
      'DROP INDEX `IDX_quarantined_messages_position` ON `quarantined_messages`',
    );
    await queryRunner.query(
      'DROP INDEX `IDX_quarantined_messages_raw_sha256` ON `quarantined_messages`',
    );
    await queryRunner.query('DROP TABLE `quarantined_messages`');
    await queryRunner.query('DROP INDEX `UQ_message_locations_position` ON `message_locations`');
    await queryRunner.query('DROP TABLE `message_locations`');
    await queryRunner.query(
      'DROP INDEX `UQ_mailbox_folder_states_mailbox_folder` ON `mailbox_folder_states`',
    );
    await queryRunner.query('DROP TABLE `mailbox_folder_states`');
    await queryRunner.query('DROP INDEX `IDX_inquiries_received` ON `inquiries`');
    await queryRunner.query('DROP INDEX `IDX_inquiries_status_received` ON `inquiries`');
    await queryRunner.query('DROP INDEX `IDX_inquiries_verdict` ON `inquiries`');
    await queryRunner.query('DROP INDEX `IDX_inquiries_assignee` ON `inquiries`');
    await queryRunner.query('DROP INDEX `UQ_inquiries_message` ON `inquiries`');
    await queryRunner.query('DROP TABLE `inquiries`');
    await queryRunner.query('DROP INDEX `IDX_messages_raw_sha256` ON `messages`');
    await queryRunner.query('DROP INDEX `UQ_messages_dedup_key` ON `messages`');
    await queryRunner.query('DROP TABLE `messages`');
    await queryRunner.query('DROP INDEX `IDX_threads_subject_contact` ON `threads`');
    await queryRunner.query('DROP TABLE `threads`');
    await queryRunner.query('DROP INDEX `IDX_mailboxes_lease_expires_at` ON `mailboxes`');
    await queryRunner.query('DROP INDEX `IDX_mailboxes_address` ON `mailboxes`');
    await queryRunner.query('DROP TABLE `mailboxes`');
    await queryRunner.query('DROP INDEX `UQ_contacts_address` ON `contacts`');
    await queryRunner.query('DROP TABLE `contacts`');
    await queryRunner.query('DROP INDEX `UQ_api_tokens_token_hash` ON `api_tokens`');
    await queryRunner.query('DROP TABLE `api_tokens`');
  }
}
