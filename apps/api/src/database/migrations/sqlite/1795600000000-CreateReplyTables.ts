import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts, their sending, sample offers, quotes with revisions, follow-ups and sender profiles. */
export class CreateReplyTables1795600000000 implements MigrationInterface {
  name = 'CreateReplyTables1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sender_profiles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "rep" varchar(200) NOT NULL, "full_name" varchar(200) NOT NULL, "title" varchar(200) NOT NULL, "company" varchar(500) NOT NULL, "phone" varchar(100) NOT NULL, "email" varchar(320) NOT NULL, "website" varchar(500) NOT NULL, "address_lines" mediumtext NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_sender_profiles_rep" ON "sender_profiles" ("rep")',
    );
    await queryRunner.query(
      'CREATE TABLE "sample_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "currency" varchar(3) NOT NULL, "free_up_to_value" varchar(40) NOT NULL, "credit_on_order_of_at_least" integer, "require_verified_buyer" boolean NOT NULL, "dispatch_days" integer NOT NULL, "updated_by" varchar(200) NOT NULL, "updated_at" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "drafts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiry_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "template_id" varchar(100) NOT NULL, "variables" mediumtext NOT NULL, "locale" varchar(16) NOT NULL, "subject" varchar(1000) NOT NULL, "text" mediumtext NOT NULL, "attachments" mediumtext NOT NULL, "flags" mediumtext NOT NULL, "status" varchar(16) NOT NULL, "quote_id" integer, "sample_offer_id" integer, "created_by" varchar(200) NOT NULL, "approved_by" varchar(200), "approved_at" datetime, "override_by" varchar(200), "override_at" datetime, "override_reason" varchar(1000), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "FK_drafts_inquiry" FOREIGN KEY ("inquiry_id") REFERENCES "inquiries" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query('CREATE INDEX "IDX_drafts_inquiry" ON "drafts" ("inquiry_id")');
    await queryRunner.query(
      'CREATE TABLE "quotes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiry_id" integer NOT NULL, "number" varchar(40) NOT NULL, "revision" integer NOT NULL, "supersedes_id" integer, "revision_reason" varchar(1000), "currency" varchar(3) NOT NULL, "buyer_name" varchar(200) NOT NULL, "buyer_company" varchar(500) NOT NULL, "lines" mediumtext NOT NULL, "incoterm_code" varchar(3) NOT NULL, "incoterm_place" varchar(200) NOT NULL, "port_of_loading" varchar(200) NOT NULL, "payment_terms" varchar(500) NOT NULL, "packing" varchar(1000) NOT NULL, "lead_time_min_days" integer NOT NULL, "lead_time_max_days" integer NOT NULL, "issued_on" varchar(10) NOT NULL, "valid_until" varchar(10) NOT NULL, "time_zone" varchar(64) NOT NULL, "notes" mediumtext, "total_amount" varchar(40) NOT NULL, "locale" varchar(16) NOT NULL, "follow_up_days" mediumtext NOT NULL, "created_by" varchar(200) NOT NULL, "sent_at" datetime, "created_at" datetime NOT NULL, CONSTRAINT "FK_quotes_inquiry" FOREIGN KEY ("inquiry_id") REFERENCES "inquiries" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_quotes_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "quotes" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query('CREATE INDEX "IDX_quotes_inquiry" ON "quotes" ("inquiry_id")');
    await queryRunner.query('CREATE INDEX "IDX_quotes_supersedes" ON "quotes" ("supersedes_id")');
    await queryRunner.query('CREATE INDEX "IDX_quotes_valid_until" ON "quotes" ("valid_until")');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_quotes_number_revision" ON "quotes" ("number", "revision")',
    );
    await queryRunner.query(
      'CREATE TABLE "sample_offers" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiry_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "reason" varchar(40) NOT NULL, "items" mediumtext NOT NULL, "currency" varchar(3) NOT NULL, "sample_value" varchar(40) NOT NULL, "fee" varchar(40) NOT NULL, "freight_payer" varchar(32), "courier" varchar(100), "courier_account" varchar(100), "credit_on_order_of_at_least" integer, "created_by" varchar(200) NOT NULL, "created_at" datetime NOT NULL, CONSTRAINT "FK_sample_offers_inquiry" FOREIGN KEY ("inquiry_id") REFERENCES "inquiries" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_sample_offers_inquiry" ON "sample_offers" ("inquiry_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "outbound_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "draft_id" integer NOT NULL, "mailbox_id" integer NOT NULL, "idempotency_key" varchar(200), "message_id_header" varchar(255) NOT NULL, "raw_sha256" varchar(64) NOT NULL, "to_address" varchar(320) NOT NULL, "state" varchar(16) NOT NULL, "attempts" integer NOT NULL, "last_error" varchar(2000), "smtp_response" varchar(1000), "sending_since" datetime, "sent_at" datetime, "failed_at" datetime, "sent_folder" varchar(255), "append_error" varchar(2000), "stored_message_id" integer, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "FK_outbound_messages_draft" FOREIGN KEY ("draft_id") REFERENCES "drafts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_outbound_messages_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_outbound_messages_draft" ON "outbound_messages" ("draft_id")',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_outbound_messages_idempotency_key" ON "outbound_messages" ("idempotency_key")',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_outbound_messages_message_id" ON "outbound_messages" ("message_id_header")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_outbound_messages_state" ON "outbound_messages" ("state")',
    );
    await queryRunner.query(
      'CREATE TABLE "follow_ups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "quote_id" integer NOT NULL, "inquiry_id" integer NOT NULL, "thread_id" integer, "rep" varchar(200) NOT NULL, "step" integer NOT NULL, "due_at" datetime NOT NULL, "quote_sent_at" datetime NOT NULL, "status" varchar(16) NOT NULL, "cancelled_reason" varchar(200), "closed_at" datetime, "closed_by" varchar(200), "created_at" datetime NOT NULL, CONSTRAINT "FK_follow_ups_quote" FOREIGN KEY ("quote_id") REFERENCES "quotes" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_follow_ups_thread" FOREIGN KEY ("thread_id") REFERENCES "threads" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_follow_ups_rep_status_due" ON "follow_ups" ("rep", "status", "due_at")',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_follow_ups_quote_step" ON "follow_ups" ("quote_id", "step")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_follow_ups_rep_status_due"');
    await queryRunner.query('DROP INDEX "UQ_follow_ups_quote_step"');
    await queryRunner.query('DROP TABLE "follow_ups"');
    await queryRunner.query('DROP INDEX "UQ_outbound_messages_draft"');
    await queryRunner.query('DROP INDEX "UQ_outbound_messages_idempotency_key"');
    await queryRunner.query('DROP INDEX "UQ_outbound_messages_message_id"');
    await queryRunner.query('DROP INDEX "IDX_outbound_messages_state"');
    await queryRunner.query('DROP TABLE "outbound_messages"');
    await queryRunner.query('DROP INDEX "IDX_sample_offers_inquiry"');
    await queryRunner.query('DROP TABLE "sample_offers"');
    await queryRunner.query('DROP INDEX "IDX_quotes_inquiry"');
    await queryRunner.query('DROP INDEX "IDX_quotes_supersedes"');
    await queryRunner.query('DROP INDEX "IDX_quotes_valid_until"');
    await queryRunner.query('DROP INDEX "UQ_quotes_number_revision"');
    await queryRunner.query('DROP TABLE "quotes"');
    await queryRunner.query('DROP INDEX "IDX_drafts_inquiry"');
    await queryRunner.query('DROP TABLE "drafts"');
    await queryRunner.query('DROP TABLE "sample_policies"');
    await queryRunner.query('DROP INDEX "UQ_sender_profiles_rep"');
    await queryRunner.query('DROP TABLE "sender_profiles"');
  }
}
