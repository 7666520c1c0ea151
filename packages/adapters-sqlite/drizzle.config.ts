import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration under drizzle/ after a change to src/schema.ts.
// The generated SQL and meta are committed; open-database.ts applies them at start.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/schema.ts',
  out: './drizzle',
});
