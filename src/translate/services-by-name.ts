import type { KongService, KongUpstream } from '../kongstate/types.js';
import { keepShape } from '../runtime/keep-shape.js';

/**
 * The Kong service an upstream belongs to. Upstreams made by buildUpstreams carry it (a lookup table of
 * every service, built per stage, cost more than the stage itself at 10k services); others (tests,
 * hand-built states) are looked up by name among these services, in a table built only then.
 */
export class ServicesByName {
  private byName?: Map<string, KongService>;

  constructor(private readonly services: readonly KongService[]) {}

  /** The upstream's Kong service. */
  of(upstream: KongUpstream): KongService | undefined {
    const ks = upstream.meta.kongService;
    if (ks && ks.name === upstream.meta.service) return ks;
    this.byName ??= new Map(this.services.map((s) => [s.name, s]));
    return this.byName.get(upstream.meta.service);
  }
}

keepShape(new ServicesByName([]));
