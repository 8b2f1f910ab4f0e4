CREATE TABLE "organization_month_scenario_rollups" (
	"organization_id" uuid NOT NULL,
	"month" date NOT NULL,
	"scenario_slug" text NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	"score_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "organization_month_scenario_rollups_organization_id_month_scenario_slug_pk" PRIMARY KEY("organization_id","month","scenario_slug")
);
--> statement-breakpoint
ALTER TABLE "organization_month_scenario_rollups" ADD CONSTRAINT "organization_month_scenario_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;