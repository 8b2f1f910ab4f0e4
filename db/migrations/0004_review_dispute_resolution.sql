ALTER TABLE "review_reactions" ADD COLUMN "resolution_note" text;--> statement-breakpoint
ALTER TABLE "review_reactions" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "review_reactions" ADD CONSTRAINT "review_reactions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;