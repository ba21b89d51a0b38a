import { BlockList, isIP } from "node:net";

/**
 * Address ranges an outgoing call never reaches unless the operator allows them explicitly: cloud
 * metadata services, loopback, private networks, link-local and the other special-purpose ranges.
 */
const blockedRanges: readonly { range: string; reason: string }[] = [
  { range: "169.254.169.254/32", reason: "the cloud metadata address" },
  { range: "fd00:ec2::254/128", reason: "the cloud metadata address" },
  { range: "0.0.0.0/8", reason: "an unspecified address" },
  { range: "10.0.0.0/8", reason: "a private address" },
  { range: "100.64.0.0/10", reason: "a shared (carrier-grade NAT) address" },
  { range: "127.0.0.0/8", reason: "a loopback address" },
  { range: "169.254.0.0/16", reason: "a link-local address" },
  { range: "172.16.0.0/12", reason: "a private address" },
  { range: "192.0.0.0/24", reason: "an IETF protocol address" },
  { range: "192.168.0.0/16", reason: "a private address" },
  { range: "198.18.0.0/15", reason: "a benchmarking address" },
  { range: "224.0.0.0/4", reason: "a multicast address" },
  { range: "240.0.0.0/4", reason: "a reserved address" },
  { range: "::/128", reason: "an unspecified address" },
  { range: "::1/128", reason: "a loopback address" },
  { range: "fc00::/7", reason: "a private (unique local) address" },
  { range: "fe80::/10", reason: "a link-local address" },
  { range: "ff00::/8", reason: "a multicast address" },
  { range: "64:ff9b::/96", reason: "a NAT64 address" },
  // IPv6 forms that carry an IPv4 address inside (a private or metadata one, for all the proxy knows).
  { range: "::/96", reason: "an IPv4-compatible address" },
  { range: "64:ff9b:1::/48", reason: "a NAT64 address" },
  { range: "2002::/16", reason: "a 6to4 tunnel address" },
  { range: "2001::/32", reason: "a Teredo tunnel address" },
  { range: "100::/64", reason: "a discard-only address" },
];

function familyOf(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 6 ? "ipv6" : "ipv4";
}

function addRange(list: BlockList, range: string): void {
  const [address = "", bits] = range.split("/");
  const family = familyOf(address);
  if (bits === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(bits), family);
}

const blocked = blockedRanges.map(({ range, reason }) => {
  const list = new BlockList();
  addRange(list, range);
  return { list, reason };
});

/** Why an address is blocked (`"a loopback address"`), or `undefined` for a public address. */
export function blockedAddressReason(address: string): string | undefined {
  const family = familyOf(address);
  return blocked.find(({ list }) => list.check(address, family))?.reason;
}

/** A set of addresses and CIDR ranges (`127.0.0.1`, `10.0.0.0/8`, `::1`) that the operator allowed. */
export function createAddressSet(ranges: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const range of ranges) addRange(list, range);
  return (address) => list.check(address, familyOf(address));
}

/** A bracketed IPv6 host as `URL` writes it (`[::1]`) without its brackets. */
export function unbracketHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}
