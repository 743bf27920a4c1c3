import type { ObjectRef } from '../model/object-ref.js';
import { refKey } from '../model/object-ref.js';
import type { KongService } from '../kongstate/types.js';

/** TLS hosts claimed for one Secret, and the objects that asked for it. */
export type SecretHosts = {
  readonly namespace: string;
  readonly name: string;
  readonly hosts: string[];
  readonly referrers: ObjectRef[];
};

/**
 * What the route sources collect (spec 01 §1 step 1): Kong services by name with their routes, and the
 * TLS Secrets with the SNI hosts each claims. A later source's service of the same name replaces the
 * earlier one entirely.
 */
export class IngressRules {
  readonly services = new Map<string, KongService>();
  /** `namespace/name` -> claimed hosts, in claim order */
  readonly secrets = new Map<string, SecretHosts>();
  private readonly claimedHosts = new Set<string>();
  // Referrer keys per Secret: one Secret (a wildcard certificate) may be named by thousands of objects.
  private readonly referrerKeys = new Map<string, Set<string>>();

  /** Records that `referrer` wants Secret namespace/name for these hosts; each host goes to its first claimant. */
  claimTLS(namespace: string, name: string, hosts: readonly string[], referrer: ObjectRef): void {
    const key = `${namespace}/${name}`;
    let entry = this.secrets.get(key);
    if (!entry) this.secrets.set(key, (entry = { namespace, name, hosts: [], referrers: [] }));
    let seen = this.referrerKeys.get(key);
    if (!seen) this.referrerKeys.set(key, (seen = new Set()));
    const referrerKey = refKey(referrer);
    if (!seen.has(referrerKey)) {
      seen.add(referrerKey);
      entry.referrers.push(referrer);
    }
    for (const host of hosts) {
      if (this.claimedHosts.has(host)) continue;
      this.claimedHosts.add(host);
      entry.hosts.push(host);
    }
  }
}
