/** An invalid taxonomy entry or file; names the file and, when known, the field. */
export class TaxonomyError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    detail: string,
  ) {
    super(field === undefined ? `${file}: ${detail}` : `${file}: field "${field}": ${detail}`);
    this.name = 'TaxonomyError';
  }
}
