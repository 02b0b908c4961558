// The one schema of Hirewatch, a file per area. drizzle-kit generates the SQL migrations in
// drizzle/ from it (drizzle.config.ts); the app imports every table from '@/lib/db/schema'.
export * from './enums';
export * from './auth';
export * from './cases';
export * from './intel';
export * from './audit';
export * from './trends';
export * from './settings';
export * from './webhooks';
export * from './jobs';
