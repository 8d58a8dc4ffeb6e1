/**
 * Test certificates, generated at test time with the `openssl` CLI into a temporary directory
 * (nothing is checked in, so nothing expires in the repo).
 *
 *   const certs = await getTestCerts();       // generated once per test process, then memoised
 *   certs.good       leaf for mx.example.test signed by certs.ca   (trusted when the probe trusts certs.ca.cert)
 *   certs.wrongName  leaf for other.example.test signed by certs.ca
 *   certs.expired    leaf for mx.example.test signed by certs.ca, valid 2020-01-01 … 2020-02-01
 *   certs.selfSigned self-signed leaf for mx.example.test
 *   certs.ca         the test CA ({ key, cert } PEM)
 *
 * Keys are EC P-256 (fast to make; TLS 1.0 still has ECDHE-ECDSA suites). Past validity dates need
 * `openssl ca -startdate/-enddate`, because `req -x509 -days` refuses non-positive values on OpenSSL 3.
 * Every leaf carries serverAuth and a subjectAltName, as a real MX certificate would.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCerts {
  ca: KeyPair;
  good: KeyPair;
  wrongName: KeyPair;
  expired: KeyPair;
  selfSigned: KeyPair;
  /** The name `good`, `expired` and `selfSigned` are issued for. */
  name: string;
}

export const TEST_MX_NAME = 'mx.example.test';

const CA_CONFIG = `
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = $dir/index.txt
new_certs_dir = $dir/issued
serial = $dir/serial
default_md = sha256
policy = any_name
copy_extensions = copy
unique_subject = no
[ any_name ]
commonName = supplied
[ leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
`;

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`openssl ${args[0]} failed: ${e.stderr || e.message}`);
  }
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function issueLeaf(dir: string, file: string, name: string, dates: string[]): Promise<KeyPair> {
  await openssl(dir, ['req', '-new', ...EC_KEY, '-keyout', `${file}.key`, '-out', `${file}.csr`, '-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}`]);
  await openssl(dir, ['ca', '-batch', '-notext', '-config', 'ca.cnf', '-extensions', 'leaf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${file}.csr`, '-out', `${file}.pem`, ...dates]);
  return { key: await readFile(join(dir, `${file}.key`), 'utf8'), cert: await readFile(join(dir, `${file}.pem`), 'utf8') };
}

async function generate(): Promise<TestCerts> {
  const dir = await mkdtemp(join(tmpdir(), 'smtpcheck-certs-'));
  try {
    await mkdir(join(dir, 'issued'));
    await writeFile(join(dir, 'ca.cnf'), CA_CONFIG);
    await writeFile(join(dir, 'index.txt'), '');
    await writeFile(join(dir, 'serial'), '1000\n');
    await openssl(dir, ['req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=smtpcheck test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    const ca = { key: await readFile(join(dir, 'ca.key'), 'utf8'), cert: await readFile(join(dir, 'ca.pem'), 'utf8') };

    const valid = ['-days', '30'];
    const good = await issueLeaf(dir, 'good', TEST_MX_NAME, valid);
    const wrongName = await issueLeaf(dir, 'wrong', 'other.example.test', valid);
    const expired = await issueLeaf(dir, 'expired', TEST_MX_NAME, ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z']);

    await openssl(dir, ['req', '-x509', ...EC_KEY, '-keyout', 'self.key', '-out', 'self.pem', '-days', '30', '-subj', `/CN=${TEST_MX_NAME}`,
      '-addext', `subjectAltName=DNS:${TEST_MX_NAME}`]);
    const selfSigned = { key: await readFile(join(dir, 'self.key'), 'utf8'), cert: await readFile(join(dir, 'self.pem'), 'utf8') };

    return { ca, good, wrongName, expired, selfSigned, name: TEST_MX_NAME };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let cached: Promise<TestCerts> | undefined;

/** Generates the set once per process (about a tenth of a second) and hands out the same one after. */
export function getTestCerts(): Promise<TestCerts> {
  cached ??= generate();
  return cached;
}
