package centrality

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"

	"github.com/relgraph/relgraph/graph"
)

// denseMax is the largest component that Eigenvector hands to the dense
// symmetric eigensolver (mat.EigenSym, O(c³) time, O(c²) memory); larger
// components use thick-restarted Lanczos on the sparse adjacency, which is
// faster from about this size on (5 ms against 2 ms at 128 nodes, 54 ms
// against 4 ms at 317).
const denseMax = 128

// eigTol is the relative tolerance under which the largest eigenvalues of
// two components count as equal.
const eigTol = 1e-9

// Eigenvector returns the eigenvector centrality of every node, indexed like
// g.Nodes: the entries of the eigenvector x of the weighted adjacency matrix
// A (A_uv = weight of edge uv, 0 on the diagonal) for its largest
// eigenvalue λ,
//
//	λ x_u = Σ_v A_uv x_v,
//
// scaled to unit Euclidean norm (Σ x_u² = 1) with non-negative entries
// (P. Bonacich, "Factoring and weighting approaches to status scores and
// clique identification", J. Math. Sociol. 2, 1972,
// doi:10.1080/0022250X.1972.9989806; "Power and centrality: a family of
// measures", Am. J. Sociol. 92, 1987, doi:10.1086/228631). Weights count as
// strengths, so a frequent partner passes on more status. This is
// NetworkX's eigenvector_centrality_numpy(G, weight="weight").
//
// The top eigenpair is computed per connected component with a symmetric
// eigensolver (gonum's mat.EigenSym; thick-restarted Lanczos with full
// reorthogonalisation for components of more than 128 nodes), not by power
// iteration, so stars, paths and other bipartite graphs, on which power
// iteration oscillates, converge. On a disconnected graph the result is the
// eigenvector of the largest eigenvalue of the whole adjacency, which is
// zero outside the component that owns it, as in NetworkX. When several
// components share that eigenvalue (within a relative 1e-9; e.g. two
// identical components) the eigenvector is not unique: each of them
// contributes its own unit vector with equal weight and the sum is
// normalised again, so each of k such components has norm 1/√k. A graph
// without edges is the extreme case: every node is its own component with
// eigenvalue 0, and every value is 1/√n (NetworkX raises an error there).
// An empty graph gives an empty slice. gonum has no eigenvector centrality.
func Eigenvector(g *graph.Graph) []float64 {
	return eigenvector(newAdjacency(g), denseMax)
}

// eigenvector is Eigenvector on a, with components of at most dense nodes
// solved densely (tests vary dense to check one solver against the other).
func eigenvector(a *adjacency, dense int) []float64 {
	out := make([]float64, a.n)
	if a.n == 0 {
		return out
	}
	_, members := a.components()
	lambda := make([]float64, len(members))
	vecs := make([][]float64, len(members))
	local := make([]int32, a.n)
	lmax := math.Inf(-1)
	for c, ms := range members {
		lambda[c], vecs[c] = componentTop(a, ms, local, dense)
		lmax = max(lmax, lambda[c])
	}
	var top []int
	for c, l := range lambda {
		if l >= lmax-eigTol*math.Abs(lmax) {
			top = append(top, c)
		}
	}
	scale := 1 / math.Sqrt(float64(len(top)))
	for _, c := range top {
		for i, v := range members[c] {
			out[v] = vecs[c][i] * scale
		}
	}
	return out
}

// componentTop returns the largest eigenvalue of the adjacency of the
// component with the given members (ascending node indices) and its
// eigenvector, indexed like members, non-negative with unit norm; up to
// dense members it uses the dense solver. local is scratch space of length
// a.n.
func componentTop(a *adjacency, members []int32, local []int32, dense int) (float64, []float64) {
	c := len(members)
	if c == 1 {
		return 0, []float64{1}
	}
	for i, v := range members {
		local[v] = int32(i)
	}
	var (
		lambda float64
		vec    []float64
		ok     bool
	)
	if c <= dense {
		lambda, vec, ok = denseTop(a, members, local)
	}
	if !ok {
		mul := func(dst, x []float64) {
			for i, v := range members {
				var s float64
				for k := a.off[v]; k < a.off[v+1]; k++ {
					s += a.w[k] * x[local[a.adj[k]]]
				}
				dst[i] = s
			}
		}
		if c == a.n {
			// One component: members are 0..n-1 and local is the
			// identity, so index x directly.
			mul = func(dst, x []float64) {
				for v := range dst {
					var s float64
					for k := a.off[v]; k < a.off[v+1]; k++ {
						s += a.w[k] * x[a.adj[k]]
					}
					dst[v] = s
				}
			}
		}
		lambda, vec = lanczosTop(c, mul)
	}
	// Perron–Frobenius: the eigenvector of a connected non-negative matrix
	// has entries of one sign; fix it to positive and clear round-off.
	var sum float64
	for _, x := range vec {
		sum += x
	}
	var norm float64
	for i, x := range vec {
		if sum < 0 {
			x = -x
		}
		x = max(x, 0)
		vec[i] = x
		norm += x * x
	}
	norm = math.Sqrt(norm)
	for i := range vec {
		vec[i] /= norm
	}
	return lambda, vec
}

// denseTop is componentTop with mat.EigenSym on the dense adjacency.
func denseTop(a *adjacency, members []int32, local []int32) (float64, []float64, bool) {
	c := len(members)
	sym := mat.NewSymDense(c, nil)
	for i, v := range members {
		for k := a.off[v]; k < a.off[v+1]; k++ {
			if j := int(local[a.adj[k]]); j >= i {
				sym.SetSym(i, j, a.w[k])
			}
		}
	}
	var es mat.EigenSym
	if !es.Factorize(sym, true) {
		return 0, nil, false
	}
	vals := es.Values(nil) // ascending
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	return vals[c-1], mat.Col(nil, c-1, &vecs), true
}

// lanczosTop returns the largest eigenvalue and a unit eigenvector of the
// symmetric c×c matrix applied by mul (dst = A·x), by thick-restarted
// Lanczos with full reorthogonalisation (K. Wu and H. Simon, "Thick-restart
// Lanczos method for large symmetric eigenvalue problems", SIAM J. Matrix
// Anal. Appl. 22, 2000, doi:10.1137/S0895479898334605). The search space
// starts from the all-ones vector, never orthogonal to a positive Perron
// vector, and grows by Krylov steps to at most 64 vectors; the Rayleigh–Ritz
// projection (solved with mat.EigenSym) gives the Ritz pairs; a restart
// keeps the 8 largest Ritz vectors and the residual of the top one. It stops
// when ‖A·y − θ·y‖ ≤ 1e-12·θ for the top Ritz pair (θ, y), or after 200
// restarts.
func lanczosTop(c int, mul func(dst, x []float64)) (float64, []float64) {
	const (
		maxCycles = 200
		tol       = 1e-12
	)
	m := min(c, lanczosBasis)
	keep := max(1, min(8, m/4))
	// v holds the orthonormal basis, av = A·v, one row per vector; y and
	// ay receive the kept Ritz vectors at a restart and are then swapped in.
	v, av := make([]float64, m*c), make([]float64, m*c)
	y, ay := make([]float64, m*c), make([]float64, m*c)
	row := func(x []float64, i int) []float64 { return x[i*c : (i+1)*c] }
	tmp := make([]float64, c)

	// hm holds H = Vᵀ·A·V for the Rayleigh–Ritz projection, column j at
	// hm[j*m:], entries i ≤ j: hm[j*m+i] = v_i·(A·v_j). Column j is the
	// first Gram–Schmidt pass's coefficients when A·v_j is orthogonalised
	// for the next basis vector (see orthonormalise); hasCol[j] records
	// that, and other columns are computed by the projection itself.
	hm := make([]float64, m*m)
	hasCol := make([]bool, m)
	coef := make([]float64, m)

	// orthonormalise makes x orthogonal to v[:k] and of unit norm; false
	// when x lies in their span. With col, the coefficients v_i·x of its
	// first pass (i < k), taken before x changes, are stored in col.
	orthonormalise := func(x []float64, k int, col []float64) bool {
		before := math.Sqrt(dot(x, x))
		// Gram–Schmidt, classical then modified, repeated once when the
		// first pass cancelled most of x ("twice is enough", Parlett; the
		// 1/√2 test of Daniel, Gragg, Kaufman and Stewart, Math. Comp.
		// 30, 1976, doi:10.1090/S0025-5718-1976-0431641-8).
		c := coef[:k]
		for i := range k {
			c[i] = dot(row(v, i), x)
		}
		if col != nil {
			copy(col, c)
		}
		for i := range k {
			axpy(-c[i], row(v, i), x)
		}
		b := math.Sqrt(dot(x, x))
		if !(b > before/math.Sqrt2) {
			for i := range k {
				vi := row(v, i)
				axpy(-dot(x, vi), vi, x)
			}
			b = math.Sqrt(dot(x, x))
		}
		if !(b > 1e-10*before) {
			return false // x lies in the span: the space is invariant
		}
		for i := range x {
			x[i] /= b
		}
		return true
	}

	for i := range row(v, 0) {
		v[i] = 1 / math.Sqrt(float64(c))
	}
	mul(row(av, 0), row(v, 0))
	k := 1
	var theta float64
	for cycle := 0; ; cycle++ {
		invariant := false
		for k < m {
			copy(tmp, row(av, k-1))
			hasCol[k-1] = true
			if !orthonormalise(tmp, k, hm[(k-1)*m:]) {
				invariant = true
				break
			}
			copy(row(v, k), tmp)
			mul(row(av, k), row(v, k))
			k++
		}
		// Rayleigh–Ritz on span(v[:k]): H = Vᵀ A V, symmetrised.
		h := mat.NewSymDense(k, nil)
		for j := range k {
			col := hm[j*m:]
			if !hasCol[j] {
				for i := 0; i <= j; i++ {
					col[i] = dot(row(v, i), row(av, j))
				}
			}
			for i := 0; i <= j; i++ {
				h.SetSym(i, j, col[i])
			}
		}
		var es mat.EigenSym
		if !es.Factorize(h, true) {
			break
		}
		vals := es.Values(nil) // ascending
		theta = vals[k-1]
		var s mat.Dense
		es.VectorsTo(&s)
		p := min(keep, k)
		ritz := func(r int) {
			yr, ayr := row(y, r), row(ay, r)
			clear(yr)
			clear(ayr)
			for i := range k {
				sc := s.At(i, k-1-r)
				axpy(sc, row(v, i), yr)
				axpy(sc, row(av, i), ayr)
			}
		}
		// The top Ritz pair and its residual first; the other kept
		// vectors only when the cycle restarts.
		ritz(0)
		copy(tmp, row(ay, 0))
		axpy(-theta, row(y, 0), tmp)
		resid := math.Sqrt(dot(tmp, tmp))
		done := resid <= tol*math.Abs(theta) || invariant || k == c || cycle == maxCycles-1
		if !done {
			for r := 1; r < p; r++ {
				ritz(r)
			}
		}
		v, y = y, v
		av, ay = ay, av
		if done {
			break
		}
		// Restart from the kept Ritz vectors plus the residual direction,
		// so that the space contains the Krylov space of the top Ritz
		// vector.
		k = p
		clear(hasCol) // v[:p] are now the kept Ritz vectors
		if !orthonormalise(tmp, k, nil) {
			break
		}
		copy(row(v, k), tmp)
		mul(row(av, k), row(v, k))
		k++
	}
	out := slices.Clone(row(v, 0))
	return theta, out
}

// dot returns x·y (len(y) ≥ len(x)), summed in four interleaved partial
// sums: four independent additions per step instead of one chain, which
// made the Lanczos kernel wait on each addition's latency.
func dot(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		s0 += x[i] * y[i]
		s1 += x[i+1] * y[i+1]
		s2 += x[i+2] * y[i+2]
		s3 += x[i+3] * y[i+3]
	}
	for ; i < len(x); i++ {
		s0 += x[i] * y[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// axpy sets y += a·x (len(y) ≥ len(x)).
func axpy(a float64, x, y []float64) {
	y = y[:len(x)]
	i := 0
	for ; i+4 <= len(x); i += 4 {
		y[i] += a * x[i]
		y[i+1] += a * x[i+1]
		y[i+2] += a * x[i+2]
		y[i+3] += a * x[i+3]
	}
	for ; i < len(x); i++ {
		y[i] += a * x[i]
	}
}

// lanczosBasis is the largest Lanczos search space: small enough that
// reorthogonalisation (O(m²·c) per cycle) stays cheap, large enough that
// well-separated top eigenvalues converge in one or two cycles.
const lanczosBasis = 24
