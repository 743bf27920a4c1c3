import { X509Certificate } from 'node:crypto';
import type { KongCACertificate } from '../kongstate/types.js';
import { secretValue, type ConfigMap, type Secret } from '../model/core.js';
import { refOf, type ObjectRef } from '../model/object-ref.js';
import type { TranslateContext } from './context.js';
import { objectTags } from './tags.js';
import { creationTime } from '../model/timestamp.js';

export const CA_CERT_LABEL = 'konghq.com/ca-cert';

type Candidate = { readonly obj: Secret | ConfigMap; readonly kind: 'secret' | 'configmap'; readonly id: string };

/**
 * Spec 01 §5.5, spec 05 §14.2: one CA certificate per Secret or ConfigMap labelled konghq.com/ca-cert: "true"
 * (any namespace). Expiry is checked against options.now, never the clock.
 */
export function buildCACertificates(ctx: TranslateContext): KongCACertificate[] {
  const byId = new Map<string, Candidate[]>();
  for (const [kind, list] of [['secret', ctx.snapshot.list('Secret')], ['configmap', ctx.snapshot.list('ConfigMap')]] as const) {
    for (const obj of list) {
      if (obj.metadata.labels?.[CA_CERT_LABEL] !== 'true') continue;
      const id = dataValue(obj, 'id');
      if (id === undefined) {
        fail(ctx, [refOf(obj)], `invalid ${kind} CA certificate: missing 'id' field in data`);
        continue;
      }
      byId.set(id, [...(byId.get(id) ?? []), { obj, kind, id }]);
    }
  }
  const out: KongCACertificate[] = [];
  for (const group of byId.values()) {
    const [winner, ...losers] = [...group].sort(compareCandidates);
    for (const l of losers) {
      fail(ctx, [refOf(l.obj), refOf(winner.obj)], `invalid ${l.kind} CA certificate: duplicate 'id' field in multiple objects (kept ${describe(winner.obj)})`);
    }
    const cert = validCACertificate(winner, ctx.options.now);
    if ('error' in cert) {
      fail(ctx, [refOf(winner.obj), ...pluginsUsing(ctx, winner.id)], `invalid ${winner.kind} CA certificate ${describe(winner.obj)}: ${cert.error}`);
      continue;
    }
    out.push({ id: winner.id, cert: cert.pem, tags: objectTags(winner.obj) });
  }
  return out;
}

function fail(ctx: TranslateContext, objects: ObjectRef[], message: string): void {
  ctx.fail({ reason: 'InvalidCertificate', objects, message });
}

function describe(obj: Secret | ConfigMap): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function dataValue(obj: Secret | ConfigMap, key: string): string | undefined {
  return obj.kind === 'Secret' ? secretValue(obj, key) : obj.data?.[key];
}

// Oldest creationTimestamp wins, then the smaller namespace, then the smaller name.
function compareCandidates(a: Candidate, b: Candidate): number {
  const ta = creationTime(a.obj);
  const tb = creationTime(b.obj);
  if (ta !== tb) return ta - tb;
  const na = a.obj.metadata.namespace ?? '';
  const nb = b.obj.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.obj.metadata.name < b.obj.metadata.name ? -1 : a.obj.metadata.name > b.obj.metadata.name ? 1 : 0;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** The re-encoded PEM of a CA certificate's single CERTIFICATE block, or why it is not usable. */
export function validCACertificate(c: Candidate, now: Date): { pem: string } | { error: string } {
  const text = (dataValue(c.obj, 'cert') ?? dataValue(c.obj, 'ca.crt'))?.trim();
  if (text === undefined) return { error: "missing 'cert' or 'ca.crt' field in data" };
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length !== 1 || blocks[0][1] !== 'CERTIFICATE') return { error: 'the data must hold exactly one PEM CERTIFICATE block' };
  const der = Buffer.from(blocks[0][2].replace(/\s+/g, ''), 'base64');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    return { error: 'the certificate does not parse as X.509' };
  }
  if (!x509.ca) return { error: 'the certificate is not a CA (no CA basic constraint)' };
  const notAfter = Date.parse(x509.validTo);
  if (!Number.isNaN(notAfter) && notAfter < now.getTime()) return { error: `the certificate expired on ${new Date(notAfter).toISOString()}` };
  return { pem: encodePEM(der) };
}

/** `-----BEGIN CERTIFICATE-----`, base64 in 64-column lines, `-----END CERTIFICATE-----` and a newline. */
export function encodePEM(der: Buffer): string {
  const b64 = der.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

// Spec 05 §14.2: an unusable CA certificate is also reported on the plugins whose config.ca_certificates names it.
function pluginsUsing(ctx: TranslateContext, id: string): ObjectRef[] {
  const out: ObjectRef[] = [];
  for (const p of [...ctx.snapshot.list('KongPlugin'), ...ctx.snapshot.list('KongClusterPlugin')]) {
    const list = (p.config as Readonly<Record<string, unknown>> | undefined)?.ca_certificates;
    if (Array.isArray(list) && list.includes(id)) out.push(refOf(p));
  }
  return out;
}
