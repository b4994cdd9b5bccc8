//go:build unix

package extract_test

import "syscall"

// cpuSeconds returns the user+system CPU time of the process so far, so
// that benchmarks can report throughput per CPU second, which contention
// from other processes on a shared machine does not change much.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
