import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInitialSchema1795427156754 implements MigrationInterface {
  name = 'CreateInitialSchema1795427156754';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "api_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "token_hash" varchar(64) NOT NULL, "role" varchar(32) NOT NULL, "created_at" datetime NOT NULL, "last_used_at" datetime)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_api_tokens_token_hash" ON "api_tokens" ("token_hash")',
    );
    await queryRunner.query(
      'CREATE TABLE "contacts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "address" varchar(320) NOT NULL, "name" varchar(500) NOT NULL, "company" varchar(500), "country" varchar(2), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_contacts_address" ON "contacts" ("address")');
    await queryRunner.query(
      'CREATE TABLE "mailboxes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "address" varchar(320) NOT NULL, "imap_host" varchar(255) NOT NULL, "imap_port" integer NOT NULL, "imap_secure" boolean NOT NULL, "imap_user" varchar(320) NOT NULL, "imap_password_encrypted" varchar(2048) NOT NULL, "smtp_host" varchar(255), "smtp_port" integer, "smtp_secure" boolean, "smtp_user" varchar(320), "smtp_password_encrypted" varchar(2048), "folders" mediumtext, "enabled" boolean NOT NULL, "lease_owner" varchar(200), "lease_expires_at" datetime, "last_success_at" datetime, "last_error" varchar(2000), "last_error_at" datetime, "consecutive_failures" integer NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_mailboxes_address" ON "mailboxes" ("address")');
    await queryRunner.query(
      'CREATE INDEX "IDX_mailboxes_lease_expires_at" ON "mailboxes" ("lease_expires_at")',
    );
    await queryRunner.query(
      'CREATE TABLE "threads" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject" varchar(1000) NOT NULL, "normalised_subject" varchar(255) NOT NULL, "contact_id" integer, "last_message_at" datetime NOT NULL, "created_at" datetime NOT NULL, CONSTRAINT "FK_threads_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_threads_subject_contact" ON "threads" ("normalised_subject", "contact_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "dedup_key" varchar(80) NOT NULL, "message_id" varchar(998), "raw_sha256" varchar(64) NOT NULL, "raw_size" integer NOT NULL, "subject" varchar(1000) NOT NULL, "from_address" varchar(320), "from_name" varchar(500) NOT NULL, "to" mediumtext NOT NULL, "cc" mediumtext NOT NULL, "sent_at" datetime, "headers" mediumtext NOT NULL, "text" mediumtext NOT NULL, "html" mediumtext NOT NULL, "attachments" mediumtext NOT NULL, "problems" mediumtext NOT NULL, "in_reply_to" varchar(998), "references" mediumtext NOT NULL, "outgoing" boolean NOT NULL, "demo" boolean NOT NULL, "thread_id" integer, "contact_id" integer, "created_at" datetime NOT NULL, CONSTRAINT "FK_messages_thread" FOREIGN KEY ("thread_id") REFERENCES "threads" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_messages_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_messages_dedup_key" ON "messages" ("dedup_key")',
    );
    await queryRunner.query('CREATE INDEX "IDX_messages_raw_sha256" ON "messages" ("raw_sha256")');
    await queryRunner.query(
      'CREATE TABLE "inquiries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "message_id" integer NOT NULL, "mailbox_id" integer, "thread_id" integer, "contact_id" integer, "status" varchar(16) NOT NULL, "assignee" varchar(200), "verdict" varchar(8), "spam_score" integer, "scam_score" integer, "spy_score" integer, "tier" varchar(1), "language" varchar(8), "sla_due_at" datetime, "signals" mediumtext, "triaged_at" datetime, "verdict_override" varchar(8), "verdict_override_by" varchar(200), "verdict_override_at" datetime, "received_at" datetime NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "FK_inquiries_message" FOREIGN KEY ("message_id") REFERENCES "messages" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_inquiries_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_inquiries_thread" FOREIGN KEY ("thread_id") REFERENCES "threads" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_inquiries_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_inquiries_message" ON "inquiries" ("message_id")',
    );
    await queryRunner.query('CREATE INDEX "IDX_inquiries_assignee" ON "inquiries" ("assignee")');
    await queryRunner.query('CREATE INDEX "IDX_inquiries_verdict" ON "inquiries" ("verdict")');
    await queryRunner.query(
      'CREATE INDEX "IDX_inquiries_status_received" ON "inquiries" ("status", "received_at")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_inquiries_received" ON "inquiries" ("received_at", "id")',
    );
    await queryRunner.query(
      'CREATE TABLE "mailbox_folder_states" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mailbox_id" integer NOT NULL, "folder" varchar(255) NOT NULL, "uid_validity" bigint NOT NULL, "highest_uid" bigint NOT NULL, "highest_modseq" varchar(20), "messages_on_server" integer, "last_synced_at" datetime, CONSTRAINT "FK_mailbox_folder_states_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_mailbox_folder_states_mailbox_folder" ON "mailbox_folder_states" ("mailbox_id", "folder")',
    );
    await queryRunner.query(
      'CREATE TABLE "message_locations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "message_id" integer NOT NULL, "mailbox_id" integer NOT NULL, "folder" varchar(255) NOT NULL, "uid_validity" bigint NOT NULL, "uid" bigint NOT NULL, "created_at" datetime NOT NULL, CONSTRAINT "FK_message_locations_message" FOREIGN KEY ("message_id") REFERENCES "messages" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_message_locations_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_message_locations_position" ON "message_locations" ("mailbox_id", "folder", "uid_validity", "uid")',
    );
    await queryRunner.query(
      'CREATE TABLE "quarantined_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mailbox_id" integer, "folder" varchar(255), "uid_validity" bigint, "uid" bigint, "import_source" varchar(1000), "raw_sha256" varchar(64), "reason" varchar(2000) NOT NULL, "created_at" datetime NOT NULL, CONSTRAINT "FK_quarantined_messages_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_quarantined_messages_raw_sha256" ON "quarantined_messages" ("raw_sha256")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_quarantined_messages_position" ON "quarantined_messages" ("mailbox_id", "folder", "uid_validity", "uid")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_quarantined_messages_position"');
    await queryRunner.query('DROP INDEX "IDX_quarantined_messages_raw_sha256"');
    await queryRunner.query('DROP INDEX "UQ_message_locations_position"');
    await queryRunner.query('DROP INDEX "UQ_mailbox_folder_states_mailbox_folder"');
    await queryRunner.query('DROP INDEX "IDX_inquiries_received"');
    await queryRunner.query('DROP INDEX "IDX_inquiries_status_received"');
    await queryRunner.query('DROP INDEX "IDX_inquiries_verdict"');
    await queryRunner.query('DROP INDEX "IDX_inquiries_assignee"');
    await queryRunner.query('DROP INDEX "UQ_inquiries_message"');
    await queryRunner.query('DROP INDEX "IDX_messages_raw_sha256"');
    await queryRunner.query('DROP INDEX "UQ_messages_dedup_key"');
    await queryRunner.query('DROP INDEX "IDX_threads_subject_contact"');
    await queryRunner.query('DROP INDEX "IDX_mailboxes_lease_expires_at"');
    await queryRunner.query('DROP INDEX "IDX_mailboxes_address"');
    await queryRunner.query('DROP INDEX "UQ_contacts_address"');
    await queryRunner.query('DROP INDEX "UQ_api_tokens_token_hash"');
    await queryRunner.query('DROP TABLE "quarantined_messages"');
    await queryRunner.query('DROP TABLE "message_locations"');
    await queryRunner.query('DROP TABLE "mailbox_folder_states"');
    await queryRunner.query('DROP TABLE "inquiries"');
    await queryRunner.query('DROP TABLE "messages"');
    await queryRunner.query('DROP TABLE "threads"');
    await queryRunner.query('DROP TABLE "mailboxes"');
    await queryRunner.query('DROP TABLE "contacts"');
    await queryRunner.query('DROP TABLE "api_tokens"');
  }
}
