package community

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/relgraph/relgraph/graph"
)

// Format is the value of the "format" field of a communities document.
const Format = "relgraph/communities@1"

// The methods Detect knows.
const (
	// Louvain is the Louvain method of modularity optimisation.
	Louvain = "louvain"
	// LabelPropagation is asynchronous weighted label propagation.
	LabelPropagation = "label-propagation"
)

// Methods lists the methods Detect knows.
var Methods = []string{Louvain, LabelPropagation}

// Options says how Detect finds communities.
type Options struct {
	// Method is Louvain or LabelPropagation; "" means Louvain.
	Method string
	// Seed seeds the random node order (and label propagation's tie
	// breaks).
	Seed uint64
	// Resolution is γ in the modularity that Louvain optimises and that
	// is reported (see Modularity); 0 means 1, Newman's modularity. Larger
	// values give more, smaller communities.
	Resolution float64
}

// Community is one community of a Result.
type Community struct {
	// ID numbers the communities 1, 2, … by size descending, ties by the
	// first member.
	ID int
	// Members are the node ids, sorted.
	Members []string
}

// Result is a partition of a graph's nodes into communities; its JSON form
// is the "relgraph/communities@1" document of DESIGN.md.
type Result struct {
	// Graph names the graph (graph.Graph.Name).
	Graph string
	// Method, Seed and Resolution are the options used (Resolution 1 when
	// it was 0).
	Method     string
	Seed       uint64
	Resolution float64
	// Modularity is the modularity of the partition at Resolution; NaN
	// (null in JSON) for a graph without edges, where it is undefined.
	Modularity float64
	// Communities cover every node once.
	Communities []Community
}

// Detect partitions the nodes of g into communities with opt.Method.
//
// Louvain (V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre,
// "Fast unfolding of communities in large networks", J. Stat. Mech. 2008,
// doi:10.1088/1742-5468/2008/10/P10008) greedily maximises the modularity at
// resolution γ = opt.Resolution (R. Lambiotte, J.-C. Delvenne and
// M. Barahona, "Laplacian dynamics and multiscale modular structure in
// networks", 2008, arXiv:0812.1770); see Modularity. Its node order is a
// random permutation drawn at each level; the result is a
// local optimum, so another seed may give another partition, and its
// modularity is close to NetworkX's louvain_communities and igraph's
// community_multilevel (see the tests). It takes O(m) time per pass.
//
// Louvain runs up to 10 times on small graphs (see starts: 10 runs up to
// 10,000 nodes plus edge ends, one from 100,000) from the random node
// orders of streams 0, 1, … of PCG(opt.Seed, stream) and keeps the
// partition of highest modularity (the first among equals).
//
// LabelPropagation (Raghavan, Albert and Kumara 2007,
// doi:10.1103/PhysRevE.76.036106) lets every node adopt the label that
// weighs most among its neighbours until no label changes; it does not look
// at modularity or the resolution, which only enters the reported value.
//
// Isolated nodes form communities of one. Detect returns an error for an
// unknown method or a resolution that is negative or not finite.
func Detect(g *graph.Graph, opt Options) (*Result, error) {
	if g == nil {
		return nil, fmt.Errorf("community: Detect on a nil graph")
	}
	method := opt.Method
	if method == "" {
		method = Louvain
	}
	gamma := opt.Resolution
	if gamma == 0 {
		gamma = 1
	}
	if !(gamma > 0) || math.IsInf(gamma, 1) {
		return nil, fmt.Errorf("community: resolution %v must be a positive number", opt.Resolution)
	}
	wg := newWGraph(g)
	var comm []int32
	q := math.NaN()
	switch method {
	case Louvain:
		for s := range starts(wg) {
			c := louvain(wg, gamma, rand.New(rand.NewPCG(opt.Seed, uint64(s))))
			if cq := wg.modularity(c, gamma); comm == nil || cq > q {
				comm, q = c, cq
			}
		}
	case LabelPropagation:
		comm = labelPropagation(wg, rand.New(rand.NewPCG(opt.Seed, 0)))
		q = wg.modularity(comm, gamma)
	default:
		return nil, fmt.Errorf("community: unknown method %q (valid: louvain, label-propagation)", opt.Method)
	}
	return &Result{
		Graph:       g.Name(),
		Method:      method,
		Seed:        opt.Seed,
		Resolution:  gamma,
		Modularity:  q,
		Communities: group(g, comm),
	}, nil
}

// starts is the number of Louvain runs Detect makes on g, keeping the
// partition of highest modularity: 10 on graphs of up to 10,000 nodes plus
// edge ends, falling to 1 at 100,000 and beyond, so small graphs, where a
// single run often stops in a poor local optimum, get several tries for
// little time.
func starts(g *wgraph) int {
	size := g.n + len(g.adj)
	return max(1, min(10, 100000/max(1, size)))
}

// group turns a label per node into communities numbered by size, then
// first member, with sorted members.
func group(g *graph.Graph, comm []int32) []Community {
	byLabel := map[int32][]string{}
	for i, c := range comm {
		byLabel[c] = append(byLabel[c], g.Nodes[i].ID)
	}
	out := make([]Community, 0, len(byLabel))
	for _, ms := range byLabel {
		slices.Sort(ms)
		out = append(out, Community{Members: ms})
	}
	slices.SortFunc(out, func(a, b Community) int {
		return cmp.Or(cmp.Compare(len(b.Members), len(a.Members)), cmp.Compare(a.Members[0], b.Members[0]))
	})
	for i := range out {
		out[i].ID = i + 1
	}
	return out
}

// Modularity returns the modularity of the partition of g into communities
// (lists of node ids) at resolution gamma:
//
//	Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)
//	  = Σ_c [ in_c/2m − γ (tot_c/2m)² ]
//
// where A is the weighted adjacency, k_i the strength of node i, m the total
// edge weight, in_c the weight of the edges inside c counted from both ends
// and tot_c the total strength of c (M. E. J. Newman, "Modularity and
// community structure in networks", PNAS 103, 2006,
// doi:10.1073/pnas.0601602103; with γ as Reichardt and Bornholdt 2006,
// doi:10.1103/PhysRevE.74.016110). This is NetworkX's modularity(G,
// communities, weight="weight", resolution=gamma) and gonum's community.Q.
// It is NaN for a graph without edges (m = 0). It returns an error when a
// listed id is not a node, or when a node is in no community or in two.
func Modularity(g *graph.Graph, communities [][]string, gamma float64) (float64, error) {
	idx := g.NodeIndex()
	comm := make([]int32, len(g.Nodes))
	for i := range comm {
		comm[i] = -1
	}
	for c, ms := range communities {
		for _, id := range ms {
			i, ok := idx[id]
			if !ok {
				return 0, fmt.Errorf("community: communities[%d]: unknown node %q", c, id)
			}
			if comm[i] >= 0 {
				return 0, fmt.Errorf("community: node %q is in communities %d and %d", id, comm[i], c)
			}
			comm[i] = int32(c)
		}
	}
	for i, c := range comm {
		if c < 0 {
			return 0, fmt.Errorf("community: node %q is in no community", g.Nodes[i].ID)
		}
	}
	return newWGraph(g).modularity(comm, gamma), nil
}

// MarshalJSON writes the "relgraph/communities@1" document:
//
//	{"format":"relgraph/communities@1","graph":…,"method":"louvain",
//	 "seed":1,"resolution":1,"modularity":0.41,
//	 "communities":[{"id":1,"size":3,"members":["a","b","c"]}]}
//
// with modularity null when it is undefined (NaN).
func (r *Result) MarshalJSON() ([]byte, error) {
	type comm struct {
		ID      int      `json:"id"`
		Size    int      `json:"size"`
		Members []string `json:"members"`
	}
	var q *float64
	if !math.IsNaN(r.Modularity) && !math.IsInf(r.Modularity, 0) {
		q = &r.Modularity
	}
	doc := struct {
		Format      string   `json:"format"`
		Graph       string   `json:"graph"`
		Method      string   `json:"method"`
		Seed        uint64   `json:"seed"`
		Resolution  float64  `json:"resolution"`
		Modularity  *float64 `json:"modularity"`
		Communities []comm   `json:"communities"`
	}{Format, r.Graph, r.Method, r.Seed, r.Resolution, q, make([]comm, len(r.Communities))}
	for i, c := range r.Communities {
		doc.Communities[i] = comm{c.ID, len(c.Members), c.Members}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("community: %w", err)
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func sortInt32(s []int32) { slices.Sort(s) }
