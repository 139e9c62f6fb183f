/**
 * A slug suggestion for a stack name: lowercase ASCII, digits and single hyphens, at most
 * 64 characters (the `stackSlug` field's rule). Accents are folded (Zürich → zurich) so a
 * name in any language still gives a readable slug.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
