package centrality

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/relgraph/relgraph/graph"
)

// denseMax is the largest component that Eigenvector hands to the dense
// symmetric eigensolver (mat.EigenSym, O(c³) time, O(c²) memory); larger
// components use restarted Lanczos on the sparse adjacency. A variable so
// that tests can send small components down the Lanczos path.
var denseMax = 512

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
// eigensolver (gonum's mat.EigenSym; restarted Lanczos with full
// reorthogonalisation for components of more than 512 nodes), not by power
// iteration, so stars, paths and other bipartite graphs, on which power
// iteration oscillates, are exact. On a disconnected graph the result is the
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
	a := newAdjacency(g)
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
		lambda[c], vecs[c] = componentTop(a, ms, local)
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
// eigenvector, indexed like members, non-negative with unit norm. local is
// scratch space of length a.n.
func componentTop(a *adjacency, members []int32, local []int32) (float64, []float64) {
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
	if c <= denseMax {
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
// symmetric c×c matrix applied by mul (dst = A·x), by explicitly restarted
// Lanczos with full reorthogonalisation (Golub and Van Loan, Matrix
// Computations, 4th ed., §10.1–10.3): a Krylov basis of up to 80 vectors
// from the all-ones vector (never orthogonal to a positive Perron vector),
// the top Ritz pair of the tridiagonal projection (mat.EigenSym), restart
// from the Ritz vector until its residual ‖A·y − θ·y‖ falls below 1e-12·θ.
func lanczosTop(c int, mul func(dst, x []float64)) (float64, []float64) {
	const (
		maxRestarts = 500
		tol         = 1e-12
	)
	m := min(c, 80)
	basis := make([]float64, m*c)
	row := func(i int) []float64 { return basis[i*c : (i+1)*c] }
	alpha := make([]float64, m)
	beta := make([]float64, m)
	w := make([]float64, c)
	y := make([]float64, c)
	start := row(0)
	for i := range start {
		start[i] = 1 / math.Sqrt(float64(c))
	}
	var theta float64
	for range maxRestarts {
		k := m
		var anorm float64
		for j := range m {
			vj := row(j)
			mul(w, vj)
			alpha[j] = dot(w, vj)
			anorm = max(anorm, math.Abs(alpha[j]))
			// Gram–Schmidt against the whole basis, twice ("twice is
			// enough", Parlett): this removes α_j v_j and β_{j−1} v_{j−1}
			// along with the round-off that would bring back copies of
			// converged vectors.
			for range 2 {
				for i := 0; i <= j; i++ {
					vi := row(i)
					axpy(-dot(w, vi), vi, w)
				}
			}
			b := math.Sqrt(dot(w, w))
			beta[j] = b
			if j == m-1 {
				break
			}
			if b <= 1e-14*anorm {
				// The Krylov space is invariant: its Ritz values are exact.
				k = j + 1
				break
			}
			anorm = max(anorm, b)
			next := row(j + 1)
			for i := range next {
				next[i] = w[i] / b
			}
		}
		t := mat.NewSymDense(k, nil)
		for i := range k {
			t.SetSym(i, i, alpha[i])
			if i+1 < k {
				t.SetSym(i, i+1, beta[i])
			}
		}
		var es mat.EigenSym
		if !es.Factorize(t, true) {
			break
		}
		theta = es.Values(nil)[k-1]
		var vecs mat.Dense
		es.VectorsTo(&vecs)
		s := mat.Col(nil, k-1, &vecs)
		clear(y)
		for i := range k {
			axpy(s[i], row(i), y)
		}
		ny := math.Sqrt(dot(y, y))
		for i := range y {
			y[i] /= ny
		}
		resid := math.Abs(beta[k-1] * s[k-1])
		if k < m || k == c || resid <= tol*math.Abs(theta) {
			break
		}
		copy(row(0), y)
	}
	return theta, y
}

func dot(x, y []float64) float64 {
	var s float64
	for i, v := range x {
		s += v * y[i]
	}
	return s
}

// axpy sets y += a·x.
func axpy(a float64, x, y []float64) {
	for i, v := range x {
		y[i] += a * v
	}
}
