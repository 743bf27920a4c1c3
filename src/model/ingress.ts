import type { K8sObject } from './meta.js';

export type ServiceBackendPort = { readonly number?: number; readonly name?: string };

export type IngressBackend = {
  readonly service?: { readonly name: string; readonly port?: ServiceBackendPort };
  readonly resource?: { readonly apiGroup?: string; readonly kind: string; readonly name: string };
};

export type IngressPath = {
  readonly path?: string;
  readonly pathType?: string;
  readonly backend: IngressBackend;
};

export type IngressRule = {
  readonly host?: string;
  readonly http?: { readonly paths?: readonly IngressPath[] };
};

export type IngressTLS = { readonly hosts?: readonly string[]; readonly secretName?: string };

export type Ingress = K8sObject & {
  readonly kind: 'Ingress';
  readonly spec?: {
    readonly ingressClassName?: string;
    readonly defaultBackend?: IngressBackend;
    readonly rules?: readonly IngressRule[];
    readonly tls?: readonly IngressTLS[];
  };
};

export type IngressClass = K8sObject & {
  readonly kind: 'IngressClass';
  readonly spec?: {
    readonly controller?: string;
    readonly parameters?: {
      readonly apiGroup?: string;
      readonly kind?: string;
      readonly name?: string;
      readonly namespace?: string;
      readonly scope?: string;
    };
  };
};
