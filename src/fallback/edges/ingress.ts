import type { K8sObject } from '../../model/meta.js';
import type { Snapshot } from '../../store/snapshot.js';
import { pluginsOf } from './plugins.js';
import { annotationOf, annotationPath, asArray, asString, at, type Dependency } from './read.js';
import { upstreamPolicyOf } from './services.js';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const FACADE_GROUP = 'incubator.ingress-controller.konghq.com';

/**
 * Ingress (spec 06 §3.2): its IngressClass, the Services and KongServiceFacades of its rule paths, the
 * KongUpstreamPolicy of its own annotation, and its plugins. `spec.defaultBackend` is not considered.
 */
export function ingressDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  const out: Dependency[] = [...ingressClassOf(obj, snapshot)];
  const namespace = obj.metadata.namespace;
  for (const [r, rule] of asArray(at(obj, 'spec', 'rules')).entries()) {
    for (const [p, path] of asArray(at(rule, 'http', 'paths')).entries()) {
      const field = `spec.rules[${r}].http.paths[${p}].backend`;
      const serviceName = asString(at(path, 'backend', 'service', 'name'));
      const service = serviceName ? snapshot.get('Service', namespace, serviceName) : undefined;
      if (service) out.push({ object: service, via: `${field}.service.name` });
      const resource = at(path, 'backend', 'resource');
      const facadeName = asString(at(resource, 'name'));
      if (facadeName && at(resource, 'kind') === 'KongServiceFacade' && at(resource, 'apiGroup') === FACADE_GROUP) {
        const facade = snapshot.get('KongServiceFacade', namespace, facadeName);
        if (facade) out.push({ object: facade, via: `${field}.resource` });
      }
    }
  }
  out.push(...upstreamPolicyOf(obj, snapshot), ...pluginsOf(obj, snapshot));
  return out;
}

// spec.ingressClassName wins over the legacy annotation, as for class selection.
function ingressClassOf(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  const fromSpec = asString(at(obj, 'spec', 'ingressClassName'));
  const name = fromSpec ?? annotationOf(obj, CLASS_ANNOTATION);
  const cls = name ? snapshot.get('IngressClass', undefined, name) : undefined;
  if (!cls) return [];
  return [{ object: cls, via: fromSpec ? 'spec.ingressClassName' : annotationPath(CLASS_ANNOTATION) }];
}
