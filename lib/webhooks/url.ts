// Which URLs an administrator may point a webhook at, and where a delivery may connect.
// Policy (docs/security.md, "Webhooks and SSRF"): https anywhere; plain http only to the
// loopback interface in production (a local relay), anywhere in development; no credentials in
// the URL (the secret signs, it does not travel). At delivery time the host is resolved and a
// link-local, unspecified, multicast or broadcast address (cloud metadata services live on
// 169.254.169.254) is refused whatever the URL says, and redirects are not followed.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export type UrlCheck = { ok: true; url: URL } | { ok: false; error: string };

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return ipaddr.isValid(host) && ipaddr.parse(host).range() === 'loopback';
}

export function checkWebhookUrl(raw: string, options: { production: boolean } = { production: process.env.NODE_ENV === 'production' }): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: 'Not a URL (write it in full, https://…).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'Only https (or http to this machine) URLs can receive webhooks.' };
  if (url.username || url.password) return { ok: false, error: 'Leave credentials out of the URL: every request is signed with the secret.' };
  if (url.protocol === 'http:' && options.production && !isLoopbackHost(url.hostname)) {
    return { ok: false, error: 'Use https: plain http is only allowed to localhost in production.' };
  }
  return { ok: true, url };
}

const REFUSED_RANGES = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast', 'reserved']);

/** Resolves the host and refuses addresses no webhook receiver should be on. */
export async function checkDeliveryTarget(url: URL): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch (error) {
    return `cannot resolve ${host}: ${error instanceof Error ? error.message : String(error)}`;
  }
  for (const address of addresses) {
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    if (REFUSED_RANGES.has(parsed.range())) return `refused: ${host} resolves to ${address} (${parsed.range()})`;
  }
  return null;
}
