import type { KongService } from '../../kongstate/types.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { l4IngressesForClass, l4Route, l4Service, mergeServices, validL4Rule } from './l4-ingress.js';

/**
 * Spec 05 §12.2: one `udp` route per UDPIngress rule and one Kong service per backend, named with a `.udp`
 * suffix and carrying no timeouts, retries or path.
 */
export function collectUDPIngressRules(ctx: TranslateContext, rules: IngressRules): void {
  const services = new Map<string, KongService>();
  for (const obj of l4IngressesForClass(ctx, ctx.snapshot.list('UDPIngress'))) {
    const ns = obj.metadata.namespace ?? '';
    (obj.spec?.rules ?? []).forEach((rule, i) => {
      const valid = validL4Rule(ctx, obj, i, rule);
      if (!valid) return;
      const { backend } = valid;
      const name = `${ns}.${backend.serviceName}.${backend.servicePort}.udp`;
      let ks = services.get(name);
      if (!ks) {
        ks = l4Service(obj, name, backend, { port: backend.servicePort, protocol: 'udp' });
        services.set(name, ks);
      }
      ks.routes.push(
        l4Route(ctx, obj, { name: `${ns}.${obj.metadata.name}.${i}.udp`, protocols: ['udp'], destinations: [{ port: valid.port }] }),
      );
      ctx.configured(refOf(obj));
    });
  }
  mergeServices(rules, services);
}
