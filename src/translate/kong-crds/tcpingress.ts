import type { KongService } from '../../kongstate/types.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { l4IngressesForClass, l4Route, l4Service, mergeServices, validL4Rule } from './l4-ingress.js';

/**
 * Spec 05 §12.1: one route per TCPIngress rule (`tcp`+`tls`, destination port, SNI from the host), one Kong
 * service per backend shared by all TCPIngresses, and the TLS Secrets claimed like Ingress TLS.
 */
export function collectTCPIngressRules(ctx: TranslateContext, rules: IngressRules): void {
  const services = new Map<string, KongService>();
  for (const obj of l4IngressesForClass(ctx, ctx.snapshot.list('TCPIngress'))) {
    const ns = obj.metadata.namespace ?? '';
    (obj.spec?.rules ?? []).forEach((rule, i) => {
      const valid = validL4Rule(ctx, obj, i, rule);
      if (!valid) return;
      const { backend } = valid;
      const name = `${ns}.${backend.serviceName}.${backend.servicePort}`;
      let ks = services.get(name);
      if (!ks) {
        ks = l4Service(obj, name, backend, {
          port: 80,
          protocol: 'tcp',
          connect_timeout: 60000,
          read_timeout: 60000,
          write_timeout: 60000,
          retries: 5,
        });
        services.set(name, ks);
      }
      ks.routes.push(
        l4Route(ctx, obj, {
          name: `${ns}.${obj.metadata.name}.${i}`,
          protocols: ['tcp', 'tls'],
          destinations: [{ port: valid.port }],
          ...(rule.host ? { snis: [rule.host] } : {}),
        }),
      );
      ctx.configured(refOf(obj));
    });
    for (const tls of obj.spec?.tls ?? []) {
      if (tls.hosts?.length && tls.secretName) rules.claimTLS(ns, tls.secretName, tls.hosts, refOf(obj));
    }
  }
  mergeServices(rules, services);
}
