package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write creates path through a temporary file in the same directory. write
// is called with the temporary file; if it or closing fails, the temporary
// file is removed and path is untouched. Write refuses to replace any of
// the files in inputs (compared with os.SameFile), so an input is never
// overwritten.
func Write(path string, inputs []string, write func(io.Writer) error) (err error) {
	if st, serr := os.Stat(path); serr == nil {
		if st.IsDir() {
			return fmt.Errorf("%s: is a directory, want a file name", path)
		}
		for _, in := range inputs {
			if ist, ierr := os.Stat(in); ierr == nil && os.SameFile(st, ist) {
				return fmt.Errorf("%s: refusing to overwrite the input file", path)
			}
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		// Name the file the user asked for, not the temporary one.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
