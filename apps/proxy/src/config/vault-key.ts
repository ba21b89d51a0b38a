/** A 256-bit key written as 64 hexadecimal digits or 44 base64 characters; `undefined` otherwise. */
export function parseVaultKey(value: string): Buffer | undefined {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/]{43}=$/.test(text)) return Buffer.from(text, "base64");
  return undefined;
}
