import type { K8sObject } from './meta.js';

/** A port of a Service (core/v1). */
export type ServicePort = {
  readonly name?: string;
  readonly port: number;
  readonly protocol?: string;
  readonly targetPort?: number | string;
};

export type Service = K8sObject & {
  readonly kind: 'Service';
  readonly spec?: {
    readonly type?: string;
    readonly externalName?: string;
    readonly ports?: readonly ServicePort[];
  };
};

export type Secret = K8sObject & {
  readonly kind: 'Secret';
  readonly type?: string;
  /** base64-encoded values, as the API returns them */
  readonly data?: Readonly<Record<string, string>>;
  readonly stringData?: Readonly<Record<string, string>>;
};

export type ConfigMap = K8sObject & {
  readonly kind: 'ConfigMap';
  readonly data?: Readonly<Record<string, string>>;
};

export type EndpointSlice = K8sObject & {
  readonly kind: 'EndpointSlice';
  readonly addressType?: string;
  readonly endpoints?: readonly {
    readonly addresses?: readonly string[];
    readonly conditions?: { readonly ready?: boolean; readonly serving?: boolean; readonly terminating?: boolean };
  }[];
  readonly ports?: readonly { readonly name?: string; readonly port?: number; readonly protocol?: string }[];
};

/** Decodes one Secret data value (base64). `stringData` is ignored, as without an API server (spec 01 §12). */
export function secretValue(secret: Secret, key: string): string | undefined {
  const raw = secret.data?.[key];
  return raw === undefined ? undefined : Buffer.from(raw, 'base64').toString('utf8');
}
