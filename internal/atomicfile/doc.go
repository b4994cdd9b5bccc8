// Package atomicfile provides atomic writing of output files, so that
// nothing is lost: the data goes to a temporary file in the destination's
// directory, which is renamed over the destination only when writing
// succeeded. A failed write removes the temporary file and leaves an
// existing destination untouched; an input file is never overwritten.
package atomicfile
