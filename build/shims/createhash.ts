/**
 * Stands in for `@apollo/utils.createhash` in the bundle: inside a bundle `module.require` is
 * unavailable, so Apollo would hash every query with pure-JS sha.js (~10× slower than node:crypto).
 */
export { createHash } from 'node:crypto';
