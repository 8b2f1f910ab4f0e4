CREATE TABLE "team_month_scenario_rollups" (
	"organization_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"month" date NOT NULL,
	"scenario_slug" text NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	"score_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "team_month_scenario_rollups_team_id_month_scenario_slug_pk" PRIMARY KEY("team_id","month","scenario_slug")
);
--> statement-breakpoint
ALTER TABLE "team_month_rollups" ADD COLUMN "repliers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_month_rollups" ADD COLUMN "reviewers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_month_scenario_rollups" ADD CONSTRAINT "team_month_scenario_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_month_scenario_rollups" ADD CONSTRAINT "team_month_scenario_rollups_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_month_scenario_rollups_org_idx" ON "team_month_scenario_rollups" USING btree ("organization_id","month");