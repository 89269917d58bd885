/**
 * Publishing files that people open: each written whole to a temporary file beside it, flushed to disk, then
 * moved over the old one in one step ({@link org.s11evaluator.files.AtomicFiles}), so a reader sees the old file
 * or the new one, never a part. A failure is reported in plain words ({@link org.s11evaluator.files.FileNotWritten}).
 */
package org.s11evaluator.files;
