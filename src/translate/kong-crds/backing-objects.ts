import type { KongService } from '../../kongstate/types.js';
import type { K8sObject } from '../../model/meta.js';
import { refOf, type ObjectRef } from '../../model/object-ref.js';
import { KINDS, type KindName } from '../../model/kinds.js';
import type { TranslateContext } from '../context.js';

/** A Kubernetes object behind a Kong service or route, with the annotations that apply to it. */
export type AnnotatedObject = {
  readonly ref: ObjectRef;
  readonly namespace: string;
  readonly annotations: Readonly<Record<string, string>>;
};

/**
 * The Services (or KongServiceFacades) backing a Kong service, each with its annotations. A facade's
 * annotations are merged over its backing Service's, facade keys winning (spec 05 §2.3, §7.1, §9.2).
 */
export function backingObjects(ctx: TranslateContext, ks: KongService): readonly AnnotatedObject[] {
  // The stages that read these skip first the services whose merged annotations lack their keys: most.
  const out: AnnotatedObject[] = [];
  for (const ref of ks.meta.k8sServices) {
    const ns = ref.namespace ?? '';
    if (ref.kind === 'KongServiceFacade') {
      const facade = ctx.snapshot.get('KongServiceFacade', ns, ref.name);
      if (!facade) continue;
      const target = facade.spec?.backendRef?.name;
      const svc = target ? ctx.snapshot.get('Service', ns, target) : undefined;
      out.push({ ref, namespace: ns, annotations: { ...(svc?.metadata.annotations ?? {}), ...(facade.metadata.annotations ?? {}) } });
      continue;
    }
    const svc = ctx.snapshot.get('Service', ns, ref.name);
    if (svc) out.push({ ref, namespace: ns, annotations: svc.metadata.annotations ?? {} });
  }
  return out;
}

/** The object a route (or consumer, group) came from, when it is a kind the snapshot holds. */
export function sourceObject(ctx: TranslateContext, ref: ObjectRef): K8sObject | undefined {
  const kind = ref.kind as KindName;
  if (!(kind in KINDS)) return undefined;
  return ctx.snapshot.get(kind, ref.namespace, ref.name);
}

/** An object with its annotations, for attaching plugins. */
export function annotated(obj: K8sObject): AnnotatedObject {
  return { ref: refOf(obj), namespace: obj.metadata.namespace ?? '', annotations: obj.metadata.annotations ?? {} };
}
