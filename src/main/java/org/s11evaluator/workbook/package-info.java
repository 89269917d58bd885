/**
 * Returns as agencies really send them: the partnership's own workbook. {@link org.s11evaluator.workbook.WorkbookTemplates}
 * writes an XLSX template generated from a pack's framework (the {@code template} command); {@link
 * org.s11evaluator.workbook.WorkbookReturns} reads a filled-in one back as the same JSON document a return in the
 * documented format is, for the import ({@code submission.ReturnConverter}), so that schema, cycle checks, corrected
 * returns and the audit trail are exactly those of a JSON return. Everything else here is package-private.
 */
package org.s11evaluator.workbook;
