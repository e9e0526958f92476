// Entry of js-joda.cjs, the side bundle src/runtime/util/time/joda.ts loads on first use.
// The same require calls in the same order: timezone and en-US register themselves with the core.
module.exports = {
  '@js-joda/core': require('@js-joda/core'),
  '@js-joda/timezone': require('@js-joda/timezone'),
  '@js-joda/locale': require('@js-joda/locale'),
  '@js-joda/locale_en-us': require('@js-joda/locale_en-us'),
};
