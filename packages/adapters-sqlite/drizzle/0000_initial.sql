CREATE TABLE `access_tokens` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`display_name` text NOT NULL,
	`display_color` integer NOT NULL,
	`token_hash` text NOT NULL,
	`token_prefix` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_tokens_id_unique` ON `access_tokens` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `access_tokens_token_hash_unique` ON `access_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `chat_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`user_id` text,
	`body` text NOT NULL,
	`raw_body` text NOT NULL,
	`timestamp` integer NOT NULL,
	`hidden_at` integer,
	`engagement` text
);
--> statement-breakpoint
CREATE INDEX `chat_messages_timestamp_idx` ON `chat_messages` (`timestamp`,`id`);--> statement-breakpoint
CREATE INDEX `chat_messages_user_id_idx` ON `chat_messages` (`user_id`);--> statement-breakpoint
CREATE TABLE `federated_activities` (
	`iri` text PRIMARY KEY NOT NULL,
	`actor_iri` text NOT NULL,
	`type` text NOT NULL,
	`timestamp` integer NOT NULL,
	`direction` text NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `federated_activities_direction_timestamp_idx` ON `federated_activities` (`direction`,`timestamp`);--> statement-breakpoint
CREATE INDEX `federated_activities_timestamp_idx` ON `federated_activities` (`timestamp`);--> statement-breakpoint
CREATE TABLE `followers` (
	`actor_iri` text PRIMARY KEY NOT NULL,
	`inbox` text NOT NULL,
	`name` text NOT NULL,
	`username` text NOT NULL,
	`image` text NOT NULL,
	`follow_request_iri` text NOT NULL,
	`created_at` integer NOT NULL,
	`approved_at` integer,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE INDEX `followers_created_at_idx` ON `followers` (`created_at`);--> statement-breakpoint
CREATE TABLE `ip_bans` (
	`ip_address` text PRIMARY KEY NOT NULL,
	`notes` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`destination` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_channel_destination_idx` ON `notifications` (`channel`,`destination`);--> statement-breakpoint
CREATE TABLE `settings` (
	`section` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stream_stats` (
	`id` integer PRIMARY KEY NOT NULL,
	`overall_peak_viewer_count` integer NOT NULL,
	`session_peak_viewer_count` integer NOT NULL,
	`last_connect_time` integer,
	`last_disconnect_time` integer,
	CONSTRAINT "stream_stats_single_row" CHECK("stream_stats"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `user_access_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_access_tokens_user_id_idx` ON `user_access_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`display_color` integer NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	`disabled_reason` text,
	`name_changed_at` integer,
	`previous_names` text NOT NULL,
	`scopes` text NOT NULL,
	`is_bot` integer NOT NULL,
	`authenticated` integer NOT NULL,
	`auth_providers` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `users_created_at_idx` ON `users` (`created_at`);--> statement-breakpoint
CREATE INDEX `users_display_name_lower_idx` ON `users` (lower("display_name"));--> statement-breakpoint
CREATE TABLE `viewer_samples` (
	`time` integer PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used` integer
);
