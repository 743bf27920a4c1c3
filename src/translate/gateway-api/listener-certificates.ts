import { GATEWAY_API_GROUP, type Gateway, type GatewayClass, type Listener } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { isReferenceGranted } from '../reference-grants.js';
import type { IngressRules } from '../rules.js';
import { asArray } from './parent-refs.js';

export const UNMANAGED_GATEWAYCLASS_ANNOTATION = 'konghq.com/gatewayclass-unmanaged';

/**
 * Spec 03 §1.4: the certificate of each TLS listener of the Gateways whose GatewayClass names this
 * controller, claiming the listener hostname (or `*`). Collected after every route source, so SNIs claimed
 * by Ingress-style TLS win (spec 01 §5.4). Offline the controller name is empty: only GatewayClasses with
 * an empty controllerName qualify.
 */
export function collectListenerCertificates(ctx: TranslateContext, rules: IngressRules): void {
  for (const gateway of ctx.snapshot.list('Gateway')) {
    const cls = gateway.spec?.gatewayClassName ? ctx.snapshot.get('GatewayClass', undefined, gateway.spec.gatewayClassName) : undefined;
    if (!cls || (cls.spec?.controllerName ?? '') !== ctx.options.gatewayControllerName) continue;
    asArray(gateway.spec?.listeners).forEach((listener, i) => {
      if (!hasListenerStatus(gateway, cls, listener)) return;
      claimListenerCertificate(ctx, rules, gateway, listener, `spec.listeners[${i}].tls.certificateRefs`);
    });
  }
}

// A listener counts once the Gateway reports it; for unmanaged classes it must also be Programmed now.
function hasListenerStatus(gateway: Gateway, cls: GatewayClass, listener: Listener): boolean {
  const status = asArray(gateway.status?.listeners).find((s) => s.name === listener.name);
  if (!status) return false;
  if (cls.metadata.annotations?.[UNMANAGED_GATEWAYCLASS_ANNOTATION] === undefined) return true;
  return asArray(status.conditions).some(
    (c) =>
      c.type === 'Programmed' &&
      c.status === 'True' &&
      (c.observedGeneration === undefined || gateway.metadata.generation === undefined || c.observedGeneration === gateway.metadata.generation),
  );
}

function claimListenerCertificate(ctx: TranslateContext, rules: IngressRules, gateway: Gateway, listener: Listener, field: string): void {
  const refs = asArray(listener.tls?.certificateRefs);
  if (refs.length === 0) return;
  const objects = [refOf(gateway)];
  if (refs.length > 1) {
    ctx.fail({ reason: 'UnsupportedField', objects, field, message: `listener ${listener.name ?? ''} has ${refs.length} certificateRefs; only one is supported` });
    return;
  }
  const ref = refs[0];
  if ((ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret') {
    ctx.fail({ reason: 'UnsupportedField', objects, field: `${field}[0]`, message: `listener ${listener.name ?? ''} certificateRef ${ref.group ?? ''}/${ref.kind} is not a core Secret` });
    return;
  }
  const gwNs = gateway.metadata.namespace ?? '';
  const ns = ref.namespace || gwNs;
  const name = ref.name ?? '';
  if (ns !== gwNs && !isReferenceGranted(ctx.snapshot, { group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: gwNs }, { group: '', kind: 'Secret', namespace: ns, name })) {
    ctx.fail({
      reason: 'ReferenceNotPermitted',
      objects,
      field: `${field}[0]`,
      message: `no ReferenceGrant in namespace ${ns} allows Gateways from namespace ${gwNs} to reference Secret ${name}`,
    });
    return;
  }
  rules.claimTLS(ns, name, [listener.hostname || '*'], refOf(gateway));
}
