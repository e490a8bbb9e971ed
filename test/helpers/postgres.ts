import { postgresBinDir, type LocalCluster } from '../../scripts/localPostgres';

/**
 * The throwaway PostgreSQL cluster the storage, check-in and multi-instance suites start
 * (initdb + pg_ctl into a temporary folder, a free port, torn down at the end): see
 * scripts/localPostgres.ts.
 */
export { postgresBinDir, startPostgres } from '../../scripts/localPostgres';
export type TestCluster = LocalCluster;

export const hasPostgres = postgresBinDir() !== null;

/** Under CI a missing PostgreSQL is a failure (.ci/run installs it), elsewhere the PostgreSQL tests skip. */
export const runPostgresTests = hasPostgres || process.env.CI === 'true';
