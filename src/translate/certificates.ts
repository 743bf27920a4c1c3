import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KongCertificate, KongService } from '../kongstate/types.js';
import { secretValue, type Secret } from '../model/core.js';
import { refOf } from '../model/object-ref.js';
import type { TranslateContext } from './context.js';
import type { IngressRules } from './rules.js';
import { objectTags } from './tags.js';

/** A Secret a service uses as its client certificate (spec 02 §9). */
export type ClientCertificateUse = { readonly service: KongService; readonly secret: Secret };

/**
 * Spec 01 §5.4: one certificate per TLS Secret with its claimed SNIs; identical cert+key pairs collapse into
 * one (oldest Secret's uid). Services using a Secret as client certificate are re-pointed at the merged id.
 */
export function buildCertificates(ctx: TranslateContext, rules: IngressRules, clientCerts: readonly ClientCertificateUse[] = []): KongCertificate[] {
  type Entry = { secret: Secret; cert: string; key: string; hosts: string[] };
  const entries = new Map<string, Entry>(); // by namespace/name, in claim order
  const add = (secret: Secret, hosts: readonly string[], referrers: Parameters<TranslateContext['fail']>[0]['objects']): void => {
    const key = `${secret.metadata.namespace}/${secret.metadata.name}`;
    const existing = entries.get(key);
    if (existing) {
      const known = new Set(existing.hosts);
      for (const h of hosts) if (!known.has(h)) existing.hosts.push(h);
      return;
    }
    const pair = validKeyPair(secret);
    if ('error' in pair) {
      ctx.fail({ reason: 'InvalidCertificate', objects: [...referrers, refOf(secret)], message: `Secret ${key}: ${pair.error}` });
      return;
    }
    entries.set(key, { secret, cert: pair.cert, key: pair.key, hosts: [...hosts] });
  };

  for (const s of rules.secrets.values()) {
    const secret = ctx.snapshot.get('Secret', s.namespace, s.name);
    if (!secret) {
      ctx.fail({ reason: 'SecretNotFound', objects: s.referrers, message: `Failed to fetch the secret (${s.namespace}/${s.name})` });
      continue;
    }
    add(secret, s.hosts, s.referrers);
  }
  for (const use of clientCerts) add(use.secret, [], [refOf(use.secret)]);

  // Collapse identical pairs: the oldest Secret (then the smallest uid) gives the id.
  const byPair = new Map<string, Entry[]>();
  for (const e of entries.values()) {
    const k = `${e.cert}\n${e.key}`;
    const list = byPair.get(k);
    if (list) list.push(e);
    else byPair.set(k, [e]);
  }
  const idOfSecret = new Map<string, string>();
  const certs: KongCertificate[] = [];
  for (const group of byPair.values()) {
    const winner = [...group].sort(compareAge)[0];
    const id = winner.secret.metadata.uid ?? '';
    const unique = new Set<string>();
    for (const e of group) {
      idOfSecret.set(e.secret.metadata.uid ?? '', id);
      for (const h of e.hosts) unique.add(h);
    }
    const hosts = [...unique].sort();
    certs.push({
      id,
      cert: winner.cert,
      key: winner.key,
      snis: hosts.map((name) => ({ name, certificate: { id } })),
      tags: objectTags(winner.secret),
    });
  }
  for (const use of clientCerts) {
    if (use.service.client_certificate) use.service.client_certificate = { id: idOfSecret.get(use.secret.metadata.uid ?? '') ?? '' };
  }
  return certs;
}

function compareAge(a: { secret: Secret }, b: { secret: Secret }): number {
  const ta = a.secret.metadata.creationTimestamp ?? '';
  const tb = b.secret.metadata.creationTimestamp ?? '';
  if (ta !== tb) return Date.parse(ta || '0') - Date.parse(tb || '0') || (ta < tb ? -1 : 1);
  const ua = a.secret.metadata.uid ?? '';
  const ub = b.secret.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** The trimmed cert and key of a TLS Secret, or why they are not a valid X.509 key pair. Never returns key text in errors. */
export function validKeyPair(secret: Secret): { cert: string; key: string } | { error: string } {
  const cert = secretValue(secret, 'tls.crt')?.trim();
  const key = secretValue(secret, 'tls.key')?.trim();
  if (!cert || !key) return { error: 'missing tls.crt or tls.key' };
  try {
    const x509 = new X509Certificate(cert);
    const privateKey = createPrivateKey(key);
    if (!x509.checkPrivateKey(privateKey)) return { error: 'tls.crt and tls.key do not form a key pair' };
  } catch {
    return { error: 'tls.crt or tls.key is not valid PEM' };
  }
  return { cert, key };
}
