// Objects made once per translation (RuleRoutes, its path cache, ServicesByName, ...) or once per file load
// (the manifest readers) are the only objects of their shape. V8 forgets a shape when a full GC finds no
// object of it alive, and then throws away the optimized code of every function that relied on it, with
// the type feedback that named it: each translation after a full GC ran those functions unoptimized until
// V8 had watched and compiled them again (seen with --trace-deopt as "marking dependent code ... reason:
// weak objects"; a controller translates again on every change). One idle instance of each such class,
// kept here for the life of the process, keeps its shape.

const kept: object[] = [];

/** Keeps `idle`, an empty instance of a class made once per translation or load, so that its shape stays known. */
export function keepShape(idle: object): void {
  kept.push(idle);
}
