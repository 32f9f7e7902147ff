CREATE TYPE "public"."holder_status" AS ENUM('owned', 'developer_unsold', 'sold_not_delivered');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('party_org', 'grid_branch', 'residents_committee', 'owners_committee');--> statement-breakpoint
CREATE TYPE "public"."person_kind" AS ENUM('person', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."unit_use" AS ENUM('residential', 'commercial', 'parking');--> statement-breakpoint
CREATE TYPE "public"."role_name" AS ENUM('district_admin', 'street_admin', 'community_staff', 'grid_worker', 'owners_committee', 'property_staff');--> statement-breakpoint
CREATE TYPE "public"."ballot_channel" AS ENUM('online', 'proxy', 'paper');--> statement-breakpoint
CREATE TYPE "public"."vote_convener_kind" AS ENUM('owners_committee', 'community');--> statement-breakpoint
CREATE TYPE "public"."vote_state" AS ENUM('draft', 'announced', 'open', 'closed', 'counted', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."notice_file_kind" AS ENUM('attachment', 'proof');--> statement-breakpoint
CREATE TYPE "public"."notice_issuer" AS ENUM('community', 'owners_committee');--> statement-breakpoint
CREATE TYPE "public"."notice_state" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."matter_deciding_body" AS ENUM('owners_vote', 'owners_committee', 'two_committees', 'residents_assembly');--> statement-breakpoint
CREATE TYPE "public"."matter_source" AS ENUM('residents', 'owners_committee', 'property_company', 'grid_worker', 'community', 'complaint');--> statement-breakpoint
CREATE TYPE "public"."matter_step" AS ENUM('propose', 'consult', 'deliberate', 'resolve', 'publish_resolution', 'implement', 'publish_results', 'closed', 'declined', 'withdrawn', 'escalated');--> statement-breakpoint
CREATE TYPE "public"."matter_urgency" AS ENUM('routine', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."matter_responsible_party" AS ENUM('property_company', 'owners_committee', 'residents_committee', 'party_organisation', 'other');--> statement-breakpoint
CREATE TYPE "public"."meeting_conclusion" AS ENUM('consensus', 'majority', 'no_consensus');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('joint', 'two_committees', 'owners_committee');--> statement-breakpoint
CREATE TYPE "public"."meeting_party" AS ENUM('party_org', 'residents_committee', 'owners_committee', 'property_company', 'owners_representative');--> statement-breakpoint
CREATE TYPE "public"."meeting_position" AS ENUM('support', 'object', 'abstain');--> statement-breakpoint
CREATE TABLE "instance_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buildings" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"grid_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buildings_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"area_m2" integer,
	"population_recorded" integer,
	"social_workers_recorded" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "compounds" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"parking_in_voting_area" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compounds_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "districts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"worker_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grids_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"compound_id" uuid,
	"grid_id" uuid,
	"term_start" date,
	"term_end" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "ownerships" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"is_voter" boolean DEFAULT false NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ownerships_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "person_kind" DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"id_hash" text,
	"id_last4" text,
	"is_developer" boolean DEFAULT false NOT NULL,
	"party_member" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "property_companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_companies_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "property_contracts" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_contracts_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residents_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "roster_imports" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "roster_imports_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "streets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "streets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"number" text NOT NULL,
	"use" "unit_use" DEFAULT 'residential' NOT NULL,
	"holder_status" "holder_status" DEFAULT 'owned' NOT NULL,
	"area_registered_centi" integer,
	"area_surveyed_centi" integer,
	"area_contract_centi" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role_name" NOT NULL,
	"scope_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid,
	"owner_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"phone" text,
	"disabled_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"community_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"request_id" text,
	"at" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_community_id_seq_pk" PRIMARY KEY("community_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_ballots" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"subject_key" text NOT NULL,
	"voter_person_id" uuid NOT NULL,
	"channel" "ballot_channel" NOT NULL,
	"content" jsonb NOT NULL,
	"receipt_leaf" text NOT NULL,
	"changes" integer DEFAULT 0 NOT NULL,
	"proxy_id" uuid,
	"cast_by" text NOT NULL,
	"cast_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vote_ballots_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "vote_corrections" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"requester_phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"accepted" boolean,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "vote_corrections_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "vote_documents" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vote_documents_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "vote_idempotency" (
	"community_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"actor_key" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vote_idempotency_community_id_vote_id_actor_key_key_pk" PRIMARY KEY("community_id","vote_id","actor_key","key")
);
--> statement-breakpoint
CREATE TABLE "vote_merkle_levels" (
	"community_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"nodes" "bytea" NOT NULL,
	CONSTRAINT "vote_merkle_levels_community_id_vote_id_level_pk" PRIMARY KEY("community_id","vote_id","level")
);
--> statement-breakpoint
CREATE TABLE "vote_notifications" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vote_notifications_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "vote_paper_ballots" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"subject_key" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"first_answers" jsonb NOT NULL,
	"first_scan_ref" text NOT NULL,
	"first_by" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"second_answers" jsonb,
	"second_scan_ref" text,
	"second_by" text,
	"second_at" timestamp with time zone,
	"resolution" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"discarded_by" text,
	"discarded_at" timestamp with time zone,
	"discard_reason" text,
	CONSTRAINT "vote_paper_ballots_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "vote_proxies" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"principal_person_id" uuid NOT NULL,
	"proxy_name" text NOT NULL,
	"proxy_phone" text NOT NULL,
	"document_id" uuid NOT NULL,
	"registered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoke_reason" text,
	CONSTRAINT "vote_proxies_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "vote_questions" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"item" integer NOT NULL,
	"kind" text NOT NULL,
	"seats" integer,
	"candidates" jsonb,
	CONSTRAINT "vote_questions_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "vote_receipts" (
	"community_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"leaf" text NOT NULL,
	"question_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "vote_receipts_community_id_vote_id_leaf_pk" PRIMARY KEY("community_id","vote_id","leaf")
);
--> statement-breakpoint
CREATE TABLE "vote_results" (
	"community_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"result_json" text NOT NULL,
	"passed" boolean,
	CONSTRAINT "vote_results_community_id_vote_id_question_id_pk" PRIMARY KEY("community_id","vote_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "vote_settings" (
	"community_id" uuid NOT NULL,
	"compound_id" uuid NOT NULL,
	"min_notice_days" integer NOT NULL,
	"min_window_days" integer NOT NULL,
	"max_window_days" integer NOT NULL,
	"max_owners_per_proxy" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vote_settings_community_id_compound_id_pk" PRIMARY KEY("community_id","compound_id")
);
--> statement-breakpoint
CREATE TABLE "vote_subjects" (
	"community_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"key" text NOT NULL,
	"representatives" jsonb NOT NULL,
	"area_centi" bigint NOT NULL,
	"developer" boolean NOT NULL,
	CONSTRAINT "vote_subjects_community_id_vote_id_key_pk" PRIMARY KEY("community_id","vote_id","key")
);
--> statement-breakpoint
CREATE TABLE "vote_unit_owners" (
	"community_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "vote_unit_owners_community_id_vote_id_unit_id_person_id_pk" PRIMARY KEY("community_id","vote_id","unit_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "vote_units" (
	"community_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"building_name" text NOT NULL,
	"number" text NOT NULL,
	"use" text NOT NULL,
	"holder_status" text NOT NULL,
	"developer" boolean NOT NULL,
	"parking" boolean NOT NULL,
	"area_registered_centi" integer,
	"area_surveyed_centi" integer,
	"area_contract_centi" integer,
	"voter_person_id" uuid,
	"subject_key" text,
	CONSTRAINT "vote_units_community_id_vote_id_unit_id_pk" PRIMARY KEY("community_id","vote_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "vote_voters" (
	"community_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"subject_key" text NOT NULL,
	CONSTRAINT "vote_voters_community_id_vote_id_person_id_pk" PRIMARY KEY("community_id","vote_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"matter_id" uuid,
	"convener_kind" "vote_convener_kind" NOT NULL,
	"title" text NOT NULL,
	"notice_text" text NOT NULL,
	"preset" text NOT NULL,
	"options" jsonb NOT NULL,
	"allow_ballot_change" boolean DEFAULT false NOT NULL,
	"state" "vote_state" DEFAULT 'draft' NOT NULL,
	"notice_at" timestamp with time zone NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"announced_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"counted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"merkle_root" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "votes_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "notice_files" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"kind" "notice_file_kind" NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"note" text,
	"uploaded_by" text NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_files_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"text" text NOT NULL,
	"raiser_phone" text NOT NULL,
	"unit_id" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"reply_due_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"answered_by_user_id" uuid,
	CONSTRAINT "notice_objections_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "notice_settings" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"min_posting_days" integer NOT NULL,
	"reply_days" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"issuer_kind" "notice_issuer" NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"state" "notice_state" DEFAULT 'draft' NOT NULL,
	"posting_days" integer NOT NULL,
	"objection_days" integer NOT NULL,
	"reply_days" integer NOT NULL,
	"posting_starts_at" timestamp with time zone,
	"posting_ends_at" timestamp with time zone,
	"objection_ends_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" text,
	"corrects_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notices_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "consultation_settings" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"cosignatures_required" integer NOT NULL,
	"consult_days" integer NOT NULL,
	"deliberate_days" integer NOT NULL,
	"resolve_days" integer NOT NULL,
	"posting_days" integer NOT NULL,
	"categories" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_attachments" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"update_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_attachments_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "matter_comments" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"author" text NOT NULL,
	"unit_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" text,
	"hidden_reason" text,
	CONSTRAINT "matter_comments_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "matter_cosignatures" (
	"community_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"signed_by" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_cosignatures_community_id_matter_id_unit_id_pk" PRIMARY KEY("community_id","matter_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "matter_ratings" (
	"community_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"rated_by" text NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_ratings_community_id_matter_id_unit_id_pk" PRIMARY KEY("community_id","matter_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "matter_resolutions" (
	"community_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"text" text NOT NULL,
	"deciding_body" "matter_deciding_body" NOT NULL,
	"basis" text NOT NULL,
	"meeting_id" uuid,
	"vote_id" uuid,
	"passed" boolean,
	"basis_note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_resolutions_community_id_matter_id_pk" PRIMARY KEY("community_id","matter_id")
);
--> statement-breakpoint
CREATE TABLE "matter_step_log" (
	"community_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"step" "matter_step" NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"by" text NOT NULL,
	"reason" text,
	CONSTRAINT "matter_step_log_community_id_matter_id_seq_pk" PRIMARY KEY("community_id","matter_id","seq")
);
--> statement-breakpoint
CREATE TABLE "matter_supports" (
	"community_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"supported_by" text NOT NULL,
	"supported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_supports_community_id_matter_id_unit_id_pk" PRIMARY KEY("community_id","matter_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "matter_survey_responses" (
	"community_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"answered_by" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_survey_responses_community_id_matter_id_unit_id_pk" PRIMARY KEY("community_id","matter_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "matter_surveys" (
	"community_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_surveys_community_id_matter_id_pk" PRIMARY KEY("community_id","matter_id")
);
--> statement-breakpoint
CREATE TABLE "matter_task_updates" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"progress" integer NOT NULL,
	"note" text NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_task_updates_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "matter_tasks" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"title" text NOT NULL,
	"responsible_party" "matter_responsible_party" NOT NULL,
	"responsible_name" text NOT NULL,
	"deadline" date NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "matter_tasks_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"urgency" "matter_urgency" NOT NULL,
	"art278_item" integer,
	"deciding_body" "matter_deciding_body" NOT NULL,
	"source" "matter_source" NOT NULL,
	"source_ref" text,
	"raised_by_label" text NOT NULL,
	"raised_by_user_id" uuid,
	"raised_by_phone" text,
	"raised_by_unit_id" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"step" "matter_step" DEFAULT 'propose' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"step_entered_at" timestamp with time zone NOT NULL,
	"step_due_at" timestamp with time zone,
	"signatures_required" integer NOT NULL,
	"cosignatures" integer DEFAULT 0 NOT NULL,
	"supports" integer DEFAULT 0 NOT NULL,
	"direction" text,
	"consult_days" integer,
	"consult_shortened_reason" text,
	"outcome_reason" text,
	"resolution_notice_id" uuid,
	"results_notice_id" uuid,
	"accepted_party" text,
	"acceptance_note" text,
	"accepted_by" text,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "matters_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_addenda" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"representative_id" uuid,
	"digest" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_addenda_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"matter_id" uuid,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"conclusion" "meeting_conclusion",
	"direction" text,
	"conclusion_note" text,
	"conclusion_detail" jsonb,
	"concluded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agenda_items_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_positions" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"party" "meeting_party" NOT NULL,
	"representative_id" uuid NOT NULL,
	"position" "meeting_position" NOT NULL,
	"reason" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_positions_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_representatives" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"party" "meeting_party" NOT NULL,
	"voting" boolean NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"company_id" uuid,
	"company_name" text,
	"user_id" uuid,
	"present" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_representatives_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"compound_id" uuid,
	"scope_key" text NOT NULL,
	"title" text NOT NULL,
	"weekday" integer NOT NULL,
	"time_of_day" text NOT NULL,
	"timezone" text NOT NULL,
	"location" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_series_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_settings" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"joint_min_parties" integer NOT NULL,
	"joint_required_parties" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_signatures" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"signer_key" text NOT NULL,
	"party" "meeting_party" NOT NULL,
	"representative_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"digest" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_signatures_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"community_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"compound_id" uuid,
	"series_id" uuid,
	"title" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"location" text,
	"held_at" timestamp with time zone,
	"committee_size" integer,
	"minutes_text" text DEFAULT '' NOT NULL,
	"minutes_updated_at" timestamp with time zone,
	"minutes_locked_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_community_id_compound_id_compounds_community_id_id_fk" FOREIGN KEY ("community_id","compound_id") REFERENCES "public"."compounds"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_community_id_grid_id_grids_community_id_id_fk" FOREIGN KEY ("community_id","grid_id") REFERENCES "public"."grids"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compounds" ADD CONSTRAINT "compounds_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_community_id_organisation_id_organisations_community_id_id_fk" FOREIGN KEY ("community_id","organisation_id") REFERENCES "public"."organisations"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_community_id_person_id_people_community_id_id_fk" FOREIGN KEY ("community_id","person_id") REFERENCES "public"."people"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownerships" ADD CONSTRAINT "ownerships_community_id_unit_id_units_community_id_id_fk" FOREIGN KEY ("community_id","unit_id") REFERENCES "public"."units"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownerships" ADD CONSTRAINT "ownerships_community_id_person_id_people_community_id_id_fk" FOREIGN KEY ("community_id","person_id") REFERENCES "public"."people"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_contracts" ADD CONSTRAINT "property_contracts_company_id_property_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."property_companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_contracts" ADD CONSTRAINT "property_contracts_community_id_compound_id_compounds_community_id_id_fk" FOREIGN KEY ("community_id","compound_id") REFERENCES "public"."compounds"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_community_id_unit_id_units_community_id_id_fk" FOREIGN KEY ("community_id","unit_id") REFERENCES "public"."units"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_community_id_person_id_people_community_id_id_fk" FOREIGN KEY ("community_id","person_id") REFERENCES "public"."people"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streets" ADD CONSTRAINT "streets_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_community_id_building_id_buildings_community_id_id_fk" FOREIGN KEY ("community_id","building_id") REFERENCES "public"."buildings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_community_id_compound_id_compounds_community_id_id_fk" FOREIGN KEY ("community_id","compound_id") REFERENCES "public"."compounds"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_ballots" ADD CONSTRAINT "vote_ballots_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_corrections" ADD CONSTRAINT "vote_corrections_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_documents" ADD CONSTRAINT "vote_documents_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_idempotency" ADD CONSTRAINT "vote_idempotency_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_merkle_levels" ADD CONSTRAINT "vote_merkle_levels_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_notifications" ADD CONSTRAINT "vote_notifications_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_paper_ballots" ADD CONSTRAINT "vote_paper_ballots_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_proxies" ADD CONSTRAINT "vote_proxies_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_questions" ADD CONSTRAINT "vote_questions_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_receipts" ADD CONSTRAINT "vote_receipts_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_results" ADD CONSTRAINT "vote_results_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_subjects" ADD CONSTRAINT "vote_subjects_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_unit_owners" ADD CONSTRAINT "vote_unit_owners_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_units" ADD CONSTRAINT "vote_units_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_voters" ADD CONSTRAINT "vote_voters_community_id_vote_id_votes_community_id_id_fk" FOREIGN KEY ("community_id","vote_id") REFERENCES "public"."votes"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_files" ADD CONSTRAINT "notice_files_community_id_notice_id_notices_community_id_id_fk" FOREIGN KEY ("community_id","notice_id") REFERENCES "public"."notices"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_community_id_notice_id_notices_community_id_id_fk" FOREIGN KEY ("community_id","notice_id") REFERENCES "public"."notices"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_community_id_corrects_id_notices_community_id_id_fk" FOREIGN KEY ("community_id","corrects_id") REFERENCES "public"."notices"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_attachments" ADD CONSTRAINT "matter_attachments_community_id_update_id_matter_task_updates_community_id_id_fk" FOREIGN KEY ("community_id","update_id") REFERENCES "public"."matter_task_updates"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_comments" ADD CONSTRAINT "matter_comments_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_cosignatures" ADD CONSTRAINT "matter_cosignatures_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_ratings" ADD CONSTRAINT "matter_ratings_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_resolutions" ADD CONSTRAINT "matter_resolutions_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_step_log" ADD CONSTRAINT "matter_step_log_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_supports" ADD CONSTRAINT "matter_supports_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_survey_responses" ADD CONSTRAINT "matter_survey_responses_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_surveys" ADD CONSTRAINT "matter_surveys_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_task_updates" ADD CONSTRAINT "matter_task_updates_community_id_task_id_matter_tasks_community_id_id_fk" FOREIGN KEY ("community_id","task_id") REFERENCES "public"."matter_tasks"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_tasks" ADD CONSTRAINT "matter_tasks_community_id_matter_id_matters_community_id_id_fk" FOREIGN KEY ("community_id","matter_id") REFERENCES "public"."matters"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_addenda" ADD CONSTRAINT "meeting_addenda_community_id_meeting_id_meetings_community_id_id_fk" FOREIGN KEY ("community_id","meeting_id") REFERENCES "public"."meetings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_community_id_meeting_id_meetings_community_id_id_fk" FOREIGN KEY ("community_id","meeting_id") REFERENCES "public"."meetings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_positions" ADD CONSTRAINT "meeting_positions_community_id_meeting_id_meetings_community_id_id_fk" FOREIGN KEY ("community_id","meeting_id") REFERENCES "public"."meetings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_positions" ADD CONSTRAINT "meeting_positions_community_id_item_id_meeting_agenda_items_community_id_id_fk" FOREIGN KEY ("community_id","item_id") REFERENCES "public"."meeting_agenda_items"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_positions" ADD CONSTRAINT "meeting_positions_community_id_representative_id_meeting_representatives_community_id_id_fk" FOREIGN KEY ("community_id","representative_id") REFERENCES "public"."meeting_representatives"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_representatives" ADD CONSTRAINT "meeting_representatives_community_id_meeting_id_meetings_community_id_id_fk" FOREIGN KEY ("community_id","meeting_id") REFERENCES "public"."meetings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_signatures" ADD CONSTRAINT "meeting_signatures_community_id_meeting_id_meetings_community_id_id_fk" FOREIGN KEY ("community_id","meeting_id") REFERENCES "public"."meetings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_signatures" ADD CONSTRAINT "meeting_signatures_community_id_representative_id_meeting_representatives_community_id_id_fk" FOREIGN KEY ("community_id","representative_id") REFERENCES "public"."meeting_representatives"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_id_uq" ON "buildings" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_name_uq" ON "buildings" USING btree ("community_id","compound_id","name");--> statement-breakpoint
CREATE INDEX "buildings_grid_idx" ON "buildings" USING btree ("community_id","grid_id");--> statement-breakpoint
CREATE INDEX "communities_street_idx" ON "communities" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "communities_district_idx" ON "communities" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compounds_id_uq" ON "compounds" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "compounds_code_uq" ON "compounds" USING btree ("community_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "grids_id_uq" ON "grids" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "grids_code_uq" ON "grids" USING btree ("community_id","code");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("community_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_id_uq" ON "organisations" USING btree ("id");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("community_id","kind");--> statement-breakpoint
CREATE INDEX "ownerships_unit_idx" ON "ownerships" USING btree ("community_id","unit_id");--> statement-breakpoint
CREATE INDEX "ownerships_person_idx" ON "ownerships" USING btree ("community_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ownerships_current_uq" ON "ownerships" USING btree ("community_id","unit_id","person_id") WHERE until is null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_id_uq" ON "people" USING btree ("id");--> statement-breakpoint
CREATE INDEX "people_phone_idx" ON "people" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "people_id_hash_idx" ON "people" USING btree ("community_id","id_hash");--> statement-breakpoint
CREATE INDEX "property_contracts_company_idx" ON "property_contracts" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "residents_unit_idx" ON "residents" USING btree ("community_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_imports_id_uq" ON "roster_imports" USING btree ("id");--> statement-breakpoint
CREATE INDEX "streets_district_idx" ON "streets" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_id_uq" ON "units" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_number_uq" ON "units" USING btree ("community_id","building_id","number");--> statement-breakpoint
CREATE INDEX "units_compound_idx" ON "units" USING btree ("community_id","compound_id","building_id","number");--> statement-breakpoint
CREATE INDEX "otp_codes_phone_idx" ON "otp_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_uq" ON "role_grants" USING btree ("user_id","role","scope_id");--> statement-breakpoint
CREATE INDEX "audit_events_kind_idx" ON "audit_events" USING btree ("community_id","kind");--> statement-breakpoint
CREATE INDEX "audit_events_object_idx" ON "audit_events" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_ballots_subject_uq" ON "vote_ballots" USING btree ("community_id","vote_id","question_id","subject_key");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_corrections_id_uq" ON "vote_corrections" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_documents_id_uq" ON "vote_documents" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_paper_ballots_id_uq" ON "vote_paper_ballots" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_paper_ballots_subject_uq" ON "vote_paper_ballots" USING btree ("community_id","vote_id","subject_key") WHERE "vote_paper_ballots"."status" <> 'discarded';--> statement-breakpoint
CREATE UNIQUE INDEX "vote_proxies_principal_uq" ON "vote_proxies" USING btree ("community_id","vote_id","principal_person_id") WHERE "vote_proxies"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "vote_proxies_phone_idx" ON "vote_proxies" USING btree ("proxy_phone");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_questions_id_uq" ON "vote_questions" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_questions_position_uq" ON "vote_questions" USING btree ("community_id","vote_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_settings_compound_uq" ON "vote_settings" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "vote_subjects_order_idx" ON "vote_subjects" USING btree ("community_id","vote_id","key" collate "C");--> statement-breakpoint
CREATE INDEX "vote_unit_owners_person_idx" ON "vote_unit_owners" USING btree ("community_id","vote_id","person_id");--> statement-breakpoint
CREATE INDEX "vote_units_subject_idx" ON "vote_units" USING btree ("community_id","vote_id","subject_key");--> statement-breakpoint
CREATE INDEX "vote_units_parking_idx" ON "vote_units" USING btree ("community_id","vote_id","unit_id") WHERE parking;--> statement-breakpoint
CREATE UNIQUE INDEX "votes_id_uq" ON "votes" USING btree ("id");--> statement-breakpoint
CREATE INDEX "votes_compound_idx" ON "votes" USING btree ("community_id","compound_id","state");--> statement-breakpoint
CREATE INDEX "votes_due_open_idx" ON "votes" USING btree ("opens_at") WHERE "votes"."state" = 'announced';--> statement-breakpoint
CREATE INDEX "votes_due_close_idx" ON "votes" USING btree ("closes_at") WHERE "votes"."state" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "notice_files_id_uq" ON "notice_files" USING btree ("id");--> statement-breakpoint
CREATE INDEX "notice_files_notice_idx" ON "notice_files" USING btree ("community_id","notice_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_objections_id_uq" ON "notice_objections" USING btree ("id");--> statement-breakpoint
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" USING btree ("community_id","notice_id","raised_at");--> statement-breakpoint
CREATE INDEX "notice_objections_phone_idx" ON "notice_objections" USING btree ("raiser_phone");--> statement-breakpoint
CREATE INDEX "notice_objections_unanswered_idx" ON "notice_objections" USING btree ("community_id","reply_due_at") WHERE answered_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notices_id_uq" ON "notices" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_one_correction_uq" ON "notices" USING btree ("community_id","corrects_id") WHERE state = 'published' and corrects_id is not null;--> statement-breakpoint
CREATE INDEX "notices_community_idx" ON "notices" USING btree ("community_id","state","published_at");--> statement-breakpoint
CREATE INDEX "notices_compound_idx" ON "notices" USING btree ("compound_id","state");--> statement-breakpoint
CREATE INDEX "notices_subject_idx" ON "notices" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_attachments_id_uq" ON "matter_attachments" USING btree ("id");--> statement-breakpoint
CREATE INDEX "matter_attachments_update_idx" ON "matter_attachments" USING btree ("community_id","update_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_comments_id_uq" ON "matter_comments" USING btree ("id");--> statement-breakpoint
CREATE INDEX "matter_comments_matter_idx" ON "matter_comments" USING btree ("community_id","matter_id","created_at");--> statement-breakpoint
CREATE INDEX "matter_step_log_step_idx" ON "matter_step_log" USING btree ("community_id","step");--> statement-breakpoint
CREATE INDEX "matter_task_updates_task_idx" ON "matter_task_updates" USING btree ("community_id","task_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_tasks_id_uq" ON "matter_tasks" USING btree ("id");--> statement-breakpoint
CREATE INDEX "matter_tasks_matter_idx" ON "matter_tasks" USING btree ("community_id","matter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matters_id_uq" ON "matters" USING btree ("id");--> statement-breakpoint
CREATE INDEX "matters_step_idx" ON "matters" USING btree ("community_id","step","raised_at");--> statement-breakpoint
CREATE INDEX "matters_compound_idx" ON "matters" USING btree ("community_id","compound_id");--> statement-breakpoint
CREATE INDEX "matters_due_idx" ON "matters" USING btree ("community_id","step_due_at");--> statement-breakpoint
CREATE INDEX "matters_raised_idx" ON "matters" USING btree ("community_id","raised_at");--> statement-breakpoint
CREATE INDEX "matters_newest_idx" ON "matters" USING btree ("raised_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_addenda_seq_uq" ON "meeting_addenda" USING btree ("community_id","meeting_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_id_uq" ON "meeting_agenda_items" USING btree ("id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" USING btree ("community_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_matter_idx" ON "meeting_agenda_items" USING btree ("community_id","matter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_positions_voter_uq" ON "meeting_positions" USING btree ("community_id","item_id","voter_key");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_representatives_id_uq" ON "meeting_representatives" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_representatives_person_uq" ON "meeting_representatives" USING btree ("community_id","meeting_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_representatives_user_uq" ON "meeting_representatives" USING btree ("community_id","meeting_id","user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_series_id_uq" ON "meeting_series" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_series_body_uq" ON "meeting_series" USING btree ("community_id","kind","scope_key");--> statement-breakpoint
CREATE INDEX "meeting_signatures_meeting_idx" ON "meeting_signatures" USING btree ("community_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_id_uq" ON "meetings" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_occurrence_uq" ON "meetings" USING btree ("community_id","series_id","scheduled_at") WHERE series_id is not null;--> statement-breakpoint
CREATE INDEX "meetings_calendar_idx" ON "meetings" USING btree ("community_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "meetings_held_idx" ON "meetings" USING btree ("community_id","kind","held_at");