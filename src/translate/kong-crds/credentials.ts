import type { JsonObject, JsonValue, KongConsumer } from '../../kongstate/types.js';
import { secretValue, type Secret } from '../../model/core.js';
import { objectTags } from '../tags.js';

/** The label that makes a Secret a credential and names its type (spec 05 §5.1). */
export const CREDENTIAL_LABEL = 'konghq.com/credential';

/** The consumer lists credentials go to. */
export type CredentialList =
  | 'keyauth_credentials'
  | 'basicauth_credentials'
  | 'hmacauth_credentials'
  | 'jwt_secrets'
  | 'oauth2_credentials'
  | 'acls'
  | 'mtls_auth_credentials';

type CredentialType = {
  readonly list: CredentialList;
  /** the fields the credential keeps, `id` aside */
  readonly fields: readonly string[];
  /** required fields, checked in order */
  readonly required: readonly string[];
  /** the field that must be unique across consumers (spec 05 §4.3) */
  readonly index?: string;
  /** data keys whose credential field is not a string: decoding fails */
  readonly nonString: readonly string[];
};

const NON_STRING = ['consumer', 'created_at', 'tags'];

/** Spec 05 §5.3: the supported credential types. */
export const CREDENTIAL_TYPES: Readonly<Record<string, CredentialType>> = {
  'key-auth': { list: 'keyauth_credentials', fields: ['key', 'ttl'], required: ['key'], index: 'key', nonString: NON_STRING },
  'basic-auth': { list: 'basicauth_credentials', fields: ['username', 'password'], required: ['username'], index: 'username', nonString: NON_STRING },
  'hmac-auth': { list: 'hmacauth_credentials', fields: ['username', 'secret'], required: ['username'], index: 'username', nonString: NON_STRING },
  jwt: { list: 'jwt_secrets', fields: ['key', 'algorithm', 'secret', 'rsa_public_key'], required: ['key'], index: 'key', nonString: NON_STRING },
  oauth2: {
    list: 'oauth2_credentials',
    fields: ['name', 'client_id', 'client_secret', 'client_type', 'hash_secret', 'redirect_uris'],
    required: ['client_id', 'name'],
    index: 'client_id',
    nonString: NON_STRING,
  },
  acl: { list: 'acls', fields: ['group'], required: ['group'], nonString: NON_STRING },
  'mtls-auth': { list: 'mtls_auth_credentials', fields: ['subject_name'], required: ['subject_name'], nonString: [...NON_STRING, 'ca_certificate'] },
};

/** A credential decoded from a Secret, or the errors met; `problems` are recorded but do not drop it. */
export type DecodedCredential = {
  readonly type: string;
  readonly list?: CredentialList;
  readonly credential?: JsonObject;
  /** the value that must be unique (never printed) */
  readonly indexValue?: string;
  /** failures that skip the credential */
  readonly errors: string[];
  /** failures that keep the credential (bad hash_secret, bad ttl) */
  readonly problems: string[];
  /** data keys the credential type has no field for (KIC ignores them silently), e.g. legacy `kongCredType` */
  readonly ignoredKeys?: string[];
};

const TRUE_VALUES = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_VALUES = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * Spec 05 §5: the credential a labelled Secret holds. Messages name fields and types, never values.
 */
export function decodeCredential(secret: Secret): DecodedCredential {
  const ns = secret.metadata.namespace ?? '';
  const label = secret.metadata.labels?.[CREDENTIAL_LABEL] ?? '';
  const errors: string[] = [];
  const problems: string[] = [];
  if (!label) {
    errors.push(`could not load credential from Secret: Secret ${ns}/${secret.metadata.name} used as credential, but lacks ${CREDENTIAL_LABEL} label`);
  }
  const type = CREDENTIAL_TYPES[label];
  if (!type) {
    errors.push(`failed to provision credential: unsupported credential type: "${label}"`);
    return { type: label, errors, problems };
  }
  const values = new Map<string, JsonValue>();
  for (const key of Object.keys(secret.data ?? {}).sort()) {
    const text = secretValue(secret, key) ?? '';
    if (key === 'redirect_uris') values.set(key, text.split(','));
    else if (key === 'hash_secret') {
      if (TRUE_VALUES.has(text)) values.set(key, true);
      else {
        if (!FALSE_VALUES.has(text)) problems.push('failed to provision credential: hash_secret is not a boolean, false is used');
        values.set(key, false);
      }
    } else if (key === 'ttl') {
      if (/^[+-]?\d+$/.test(text.trim())) values.set(key, Number(text.trim()));
      else problems.push('failed to provision credential: ttl is not an integer, ignored');
    } else values.set(key, text);
  }
  for (const key of type.nonString) {
    if (values.has(key)) errors.push(`failed to provision credential: field "${key}" cannot be set from a Secret`);
  }
  if (errors.length > 0) return { type: label, errors, problems };

  const credential: JsonObject = {};
  for (const f of ['id', ...type.fields]) {
    const v = values.get(f);
    if (v !== undefined) credential[f] = v;
  }
  if (label === 'jwt' && !credential.algorithm) credential.algorithm = 'HS256';
  for (const f of type.required) {
    if (credential[f] === undefined || credential[f] === '') {
      errors.push(`failed to provision credential: ${label} is invalid: no ${f}`);
      return { type: label, errors, problems };
    }
  }
  credential.tags = [...objectTags(secret)];
  const indexValue = type.index ? String(credential[type.index]) : undefined;
  const ignoredKeys = [...values.keys()].filter((k) => k !== 'id' && !type.fields.includes(k));
  return { type: label, list: type.list, credential, indexValue, errors, problems, ignoredKeys };
}

/** Appends a credential to its list in the consumer. */
export function addCredential(consumer: KongConsumer, list: CredentialList, credential: JsonObject): void {
  (consumer[list] ??= []).push(credential);
}
