CREATE TABLE "company_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "completeness_rules" (
	"request_type" text PRIMARY KEY NOT NULL,
	"rules" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dsb_register" (
	"organisation_number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"registration_id" text,
	"status" text NOT NULL,
	"as_of" date NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_quarantine" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"message_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raw" text NOT NULL,
	"reasons" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"version" bigint NOT NULL,
	CONSTRAINT "import_quarantine_state_known" CHECK ("import_quarantine"."state" IN ('open', 'ready', 'imported', 'discarded'))
);
--> statement-breakpoint
CREATE TABLE "incoming_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"case_id" bigint,
	"received_at" timestamp with time zone NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"items" text DEFAULT '[]' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text DEFAULT session_user NOT NULL,
	"delivery_state" text DEFAULT 'queued' NOT NULL,
	"delivered_at" timestamp with time zone,
	"version" bigint NOT NULL,
	CONSTRAINT "outgoing_messages_delivery" CHECK ("outgoing_messages"."delivery_state" IN ('queued', 'delivered'))
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "approval_conditions" text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "completeness_overrides" text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "work_routing" text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "supplement_changes" text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "clock_paused_on" date;--> statement-breakpoint
ALTER TABLE "incoming_messages" ADD CONSTRAINT "incoming_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_messages" ADD CONSTRAINT "outgoing_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_settings_version" ON "company_settings" USING btree ("version","key");--> statement-breakpoint
CREATE INDEX "completeness_rules_version" ON "completeness_rules" USING btree ("version","request_type");--> statement-breakpoint
CREATE INDEX "dsb_register_version" ON "dsb_register" USING btree ("version","organisation_number");--> statement-breakpoint
CREATE INDEX "import_quarantine_state" ON "import_quarantine" USING btree ("state","received_at");--> statement-breakpoint
CREATE INDEX "import_quarantine_version" ON "import_quarantine" USING btree ("version","id");--> statement-breakpoint
CREATE INDEX "outgoing_messages_case" ON "outgoing_messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "outgoing_messages_version" ON "outgoing_messages" USING btree ("version","id");