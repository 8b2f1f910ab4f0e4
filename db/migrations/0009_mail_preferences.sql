ALTER TABLE "action_items" ADD COLUMN "digested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "unsubscribe_token_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_meetings" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_unsubscribe_key" ON "outbox_messages" USING btree ("unsubscribe_token_hash");