export { buildGraph, type BuildOptions } from './build.js';
export * from './model.js';
export { type Candidate, intrinsic, Resolver } from './resolve.js';
export { actionMatches, type Grant, grantsOf } from './iam.js';
export { classifyArn, classifyResource, EVENT_SOURCE_LABEL, FUNCTION_TYPES, STREAM_KINDS, withArticle } from './event-sources.js';
export { shortestIntervalMinutes } from './schedule.js';
export { isCustomResourceHandler, isDurableFunction } from './roles.js';
