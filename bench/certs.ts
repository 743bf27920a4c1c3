import { createPrivateKey, createPublicKey, sign } from 'node:crypto';

// Self-signed Ed25519 certificates built from a seed: Ed25519 keys derive from 32 seed bytes and its
// signatures are deterministic, so the same seed always gives the same PEM text (ECDSA/RSA via openssl
// would not). The translator checks them like any TLS Secret (X509Certificate + checkPrivateKey).

/** A PEM certificate and its PEM (PKCS#8) private key. */
export type KeyPair = { readonly cert: string; readonly key: string };

const ED25519_OID = [0x06, 0x03, 0x2b, 0x65, 0x70];
const COMMON_NAME_OID = [0x06, 0x03, 0x55, 0x04, 0x03];
// PKCS#8 wrapper of a raw 32-byte Ed25519 seed (RFC 8410 §7).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A self-signed certificate for `commonName` whose key derives from `seed` (32 bytes). */
export function selfSignedCertificate(seed: Buffer, commonName: string, serial: number): KeyPair {
  if (seed.length !== 32) throw new Error(`selfSignedCertificate: seed must be 32 bytes, got ${seed.length}`);
  const pkcs8 = Buffer.concat([PKCS8_ED25519_PREFIX, seed]);
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const algorithm = der(0x30, Buffer.from(ED25519_OID));
  const name = der(0x30, der(0x31, der(0x30, Buffer.from(COMMON_NAME_OID), der(0x0c, Buffer.from(commonName, 'utf8')))));
  const tbs = der(
    0x30,
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, positiveInteger(serial)),
    algorithm,
    name,
    der(0x30, der(0x17, Buffer.from('250101000000Z')), der(0x18, Buffer.from('20991231235959Z'))),
    name,
    spki,
  );
  const signature = sign(null, tbs, privateKey);
  const cert = der(0x30, tbs, algorithm, der(0x03, Buffer.from([0]), signature));
  return { cert: pem('CERTIFICATE', cert), key: pem('PRIVATE KEY', pkcs8) };
}

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

function positiveInteger(n: number): Buffer {
  const bytes: number[] = [];
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return Buffer.from(bytes);
}

function pem(label: string, body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
