/** `util.transform` (contract UTIL-X*). */
export {};
