import type { ValueMatcher } from './values.js';

// IpAddress / NotIpAddress: "IPv4 or IPv6 address or range in CIDR format"; a plain
// address is a /32 (or /128). An address of the other family is never inside the range.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress

interface Address {
  v6: boolean;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: number[];
}

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0'))) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseV6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const items = s.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i] ?? '';
      // A trailing dotted quad (::ffff:10.0.0.1) stands for the last 32 bits.
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseV4(item);
        if (!v4) return undefined;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(item)) out.push(parseInt(item, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<number>(missing).fill(0), ...tail];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

export function parseAddress(text: string): Address | undefined {
  const v4 = parseV4(text);
  if (v4) return { v6: false, bytes: v4 };
  const v6 = text.includes(':') ? parseV6(text) : undefined;
  return v6 ? { v6: true, bytes: v6 } : undefined;
}

interface Range extends Address {
  prefix: number;
}

function parseRange(text: string): Range | undefined {
  const slash = text.indexOf('/');
  const address = parseAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const max = address.v6 ? 128 : 32;
  if (slash === -1) return { ...address, prefix: max };
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return undefined;
  return { ...address, prefix: Number(bits) };
}

function inRange(range: Range, address: Address): boolean {
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const i = bit / 8;
    const width = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if (((range.bytes[i] ?? 0) & mask) !== ((address.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

export function compileIp(raw: string): ValueMatcher {
  const range = parseRange(raw);
  if (!range) return () => null;
  return (actual) => {
    const address = parseAddress(actual);
    if (!address) return null;
    return address.v6 === range.v6 && inRange(range, address);
  };
}
