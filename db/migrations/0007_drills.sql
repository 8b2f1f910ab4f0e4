CREATE TABLE "drill_assignments" (
	"organization_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"joined_at" timestamp with time zone,
	"extended_due_at" timestamp with time zone,
	"exempt_at" timestamp with time zone,
	"exempt_reason" text,
	"left_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drill_assignments_cycle_id_user_id_pk" PRIMARY KEY("cycle_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "drill_audience_people" (
	"organization_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"excluded" boolean DEFAULT false NOT NULL,
	CONSTRAINT "drill_audience_people_drill_id_user_id_pk" PRIMARY KEY("drill_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "drill_audience_teams" (
	"organization_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "drill_audience_teams_drill_id_team_id_pk" PRIMARY KEY("drill_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "drill_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_digests" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drill_digests_user_id_week_of_pk" PRIMARY KEY("user_id","week_of")
);
--> statement-breakpoint
CREATE TABLE "drill_reminders" (
	"organization_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"emailed" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"opens_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"recurrence" text,
	"joiner_grace_days" integer DEFAULT 7 NOT NULL,
	"last_nudged_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_month_drill_rollups" (
	"organization_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"month" date NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"done_on_time" integer DEFAULT 0 NOT NULL,
	"done_late" integer DEFAULT 0 NOT NULL,
	"exempt" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_month_drill_rollups_team_id_month_pk" PRIMARY KEY("team_id","month")
);
--> statement-breakpoint
ALTER TABLE "drill_assignments" ADD CONSTRAINT "drill_assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_assignments" ADD CONSTRAINT "drill_assignments_cycle_id_drill_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."drill_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_assignments" ADD CONSTRAINT "drill_assignments_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_assignments" ADD CONSTRAINT "drill_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_assignments" ADD CONSTRAINT "drill_assignments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_audience_people" ADD CONSTRAINT "drill_audience_people_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_audience_people" ADD CONSTRAINT "drill_audience_people_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_audience_people" ADD CONSTRAINT "drill_audience_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_audience_teams" ADD CONSTRAINT "drill_audience_teams_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_audience_teams" ADD CONSTRAINT "drill_audience_teams_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_audience_teams" ADD CONSTRAINT "drill_audience_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_cycles" ADD CONSTRAINT "drill_cycles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_cycles" ADD CONSTRAINT "drill_cycles_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_digests" ADD CONSTRAINT "drill_digests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_digests" ADD CONSTRAINT "drill_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_reminders" ADD CONSTRAINT "drill_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_reminders" ADD CONSTRAINT "drill_reminders_cycle_id_drill_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."drill_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_reminders" ADD CONSTRAINT "drill_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_steps" ADD CONSTRAINT "drill_steps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_steps" ADD CONSTRAINT "drill_steps_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_month_drill_rollups" ADD CONSTRAINT "team_month_drill_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_month_drill_rollups" ADD CONSTRAINT "team_month_drill_rollups_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drill_assignments_user_idx" ON "drill_assignments" USING btree ("user_id","due_at");--> statement-breakpoint
CREATE INDEX "drill_assignments_drill_idx" ON "drill_assignments" USING btree ("drill_id");--> statement-breakpoint
CREATE INDEX "drill_audience_teams_team_idx" ON "drill_audience_teams" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drill_cycles_drill_sequence_key" ON "drill_cycles" USING btree ("drill_id","sequence");--> statement-breakpoint
CREATE INDEX "drill_cycles_org_due_idx" ON "drill_cycles" USING btree ("organization_id","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "drill_reminders_once_key" ON "drill_reminders" USING btree ("cycle_id","user_id","kind","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "drill_steps_drill_step_key" ON "drill_steps" USING btree ("drill_id","kind","slug");--> statement-breakpoint
CREATE INDEX "drills_org_idx" ON "drills" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "team_month_drill_rollups_org_idx" ON "team_month_drill_rollups" USING btree ("organization_id","month");