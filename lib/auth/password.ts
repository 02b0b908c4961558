// argon2id password hashes (OWASP's first choice), through a maintained native binding.
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is 2 in @node-rs/argon2; its const enum cannot be imported under isolatedModules.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the email is unknown, so a wrong email and a wrong password
// take the same time and an attacker cannot tell which accounts exist.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-never-matches');
  return decoy;
}
