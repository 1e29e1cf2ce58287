CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"offer_version" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"price_list_id" text NOT NULL,
	"price_list_version" integer NOT NULL,
	"lines" text DEFAULT '[]' NOT NULL,
	"connection_fee_deduction_ore" bigint DEFAULT 0 NOT NULL,
	"totals" text DEFAULT '{}' NOT NULL,
	"valid_until" date,
	"issued_at" timestamp with time zone,
	"issued_by" text,
	"pdf_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text DEFAULT session_user NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "offers_state_known" CHECK ("offers"."state" IN ('draft', 'issued', 'superseded')),
	CONSTRAINT "offers_issued_complete" CHECK ("offers"."state" = 'draft' OR ("offers"."issued_at" IS NOT NULL AND "offers"."issued_by" IS NOT NULL AND "offers"."valid_until" IS NOT NULL)),
	CONSTRAINT "offers_deduction_not_negative" CHECK ("offers"."connection_fee_deduction_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" text NOT NULL,
	"list_version" integer NOT NULL,
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"currency" text NOT NULL,
	"validity" text NOT NULL,
	"payment_terms" integer NOT NULL,
	"body" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "price_lists_id_list_version_pk" PRIMARY KEY("id","list_version")
);
--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_pdf_sha256_attachment_blobs_sha256_fk" FOREIGN KEY ("pdf_sha256") REFERENCES "public"."attachment_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_price_list_id_price_list_version_price_lists_id_list_version_fk" FOREIGN KEY ("price_list_id","price_list_version") REFERENCES "public"."price_lists"("id","list_version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "offers_case_version" ON "offers" USING btree ("case_id","offer_version");--> statement-breakpoint
CREATE INDEX "offers_version" ON "offers" USING btree ("version","id");--> statement-breakpoint
CREATE INDEX "price_lists_version" ON "price_lists" USING btree ("version","id","list_version");