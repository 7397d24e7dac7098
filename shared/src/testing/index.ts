/**
 * Test builders (`@accord/shared/testing`): drafts and comparisons written as the documents they
 * make. For tests and the benchmark only; the product never imports this.
 */
export * from './builders';
export * from './comparison';
