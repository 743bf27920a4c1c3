/** The router flavor of the target Kong (spec 04). */
export type RouterFlavor = 'traditional_compatible' | 'expressions';

/** Feature gates that change translation output, with KIC's names. */
export const FEATURE_GATE_DEFAULTS = {
  FillIDs: true,
  KongServiceFacade: false,
  KongCustomEntity: true,
  RewriteURIs: false,
  EnterpriseEdition: false,
  CombinedServicesFromDifferentHTTPRoutes: false,
  SupportRedirectPlugin: false,
  ReportConfiguredKubernetesObjects: false,
  GatewayAlpha: false,
  FallbackConfiguration: false,
  SanitizeKonnectConfigDumps: true,
} as const;

export type FeatureGateName = keyof typeof FEATURE_GATE_DEFAULTS;
export type FeatureGates = { readonly [K in FeatureGateName]: boolean };

export type KongVersion = { readonly major: number; readonly minor: number; readonly patch: number };

/** Everything translate() depends on besides the objects. No clock, no env: `now` is given. */
export type TranslateOptions = {
  readonly routerFlavor: RouterFlavor;
  readonly featureGates: FeatureGates;
  /** the controller's ingress class (`--ingress-class`, default kong) */
  readonly ingressClass: string;
  readonly kongVersion: KongVersion;
  /** appended to service-upstream targets when non-empty (KIC's default is empty) */
  readonly clusterDomain: string;
  /** Gateway API controller name; listener certificates come from GatewayClasses with this name */
  readonly gatewayControllerName: string;
  /** keep terminating endpoints as weight-0 targets */
  readonly enableDrainSupport: boolean;
  /** the time at which CA certificates are checked for expiry */
  readonly now: Date;
};

/** The golden-case settings (spec 01 §12.1), which are also `kic translate`'s defaults. */
export function defaultTranslateOptions(overrides: Partial<TranslateOptions> = {}): TranslateOptions {
  return {
    routerFlavor: 'traditional_compatible',
    featureGates: { ...FEATURE_GATE_DEFAULTS },
    ingressClass: 'kong',
    kongVersion: { major: 3, minor: 9, patch: 1 },
    clusterDomain: '',
    gatewayControllerName: '',
    enableDrainSupport: false,
    now: new Date(0),
    ...overrides,
  };
}

/** True when the Kong version is at least major.minor. */
export function kongAtLeast(v: KongVersion, major: number, minor: number, patch = 0): boolean {
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}
