// Version of the app's database schema (renderer/db/schema.ts declares the versions themselves).
// Here so that the backup reader, in plain Node as well as in the app, can refuse a backup whose
// rows come from a newer schema before anyone confirms a restore.
export const DB_SCHEMA_VERSION = 5;
