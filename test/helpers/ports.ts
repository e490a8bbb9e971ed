/** A loopback port free right now, for a server a test spawns (the one implementation, shared with `npm run cluster`). */
export { freePort } from '../../scripts/localPostgres';
