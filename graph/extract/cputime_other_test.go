//go:build !unix

package extract_test

// cpuSeconds is not measured here: 0 makes the benchmarks skip the metric.
func cpuSeconds() float64 { return 0 }
