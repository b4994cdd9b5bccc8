package extract

// SetChunkSize sets the chunk size of ExtractReader for a test and returns
// a function that restores it.
func SetChunkSize(n int) (restore func()) {
	old := chunkSize
	chunkSize = n
	return func() { chunkSize = old }
}

// SetScanBlock sets the block size of the matcher's scan for a test and
// returns a function that restores it.
func SetScanBlock(n int) (restore func()) {
	old := scanBlock
	scanBlock = n
	return func() { scanBlock = old }
}
