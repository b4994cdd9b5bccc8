package render

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/relgraph/relgraph/graph"
)

// htmlGraph is smallGraph plus a character whose name is markup, to check
// that names reach the page as text.
func htmlGraph() *graph.Graph {
	g := smallGraph()
	g.Nodes = append(g.Nodes, graph.Node{ID: "pwn", Name: `<b id="pwn">Böse</b> & \G`, Mentions: 1})
	g.Edges = append(g.Edges, graph.Edge{Source: "lukas", Target: "pwn", Weight: 1,
		Units: []int{7, 8, 9, 10}, Evidence: []graph.Evidence{{Unit: 7, Text: `Lukas ruft "<script>alert(1)</script>" \N.`}}})
	g.Canonicalize()
	return g
}

func htmlTable(g *graph.Graph) Table {
	s := strength(g)
	t := Table{By: "strength", Measures: []string{"strength"}}
	ids := []string{"jürgen", "achim", "lukas", `back\slash`, "pwn", "ömer & co"}
	for i, id := range ids {
		t.Rows = append(t.Rows, TableRow{Rank: i + 1, ID: id, Values: []float64{s[id]}})
	}
	return t
}

func writeHTML(t *testing.T, g *graph.Graph, opt Options, tab Table) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(t.Context(), g, opt, tab, &b); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	return b.Bytes()
}

// TestHTMLSelfContained: nothing is fetched (no src or href to another
// document, no @import or url()), the data cannot close its script
// element, and the same input gives the same bytes.
func TestHTMLSelfContained(t *testing.T) {
	g := htmlGraph()
	opt := Options{Size: strength(g), SizeBy: "strength"}
	page := writeHTML(t, g, opt, htmlTable(g))
	for _, re := range []string{`\ssrc=`, `\shref="(https?:|//)`, `@import`, `url\(`, `<link`, `<iframe`} {
		if m := regexp.MustCompile(re).Find(page); m != nil {
			t.Errorf("page refers to an outside resource: %q", m)
		}
	}
	if n := bytes.Count(page, []byte("</script>")); n != 2 {
		t.Errorf("page has %d </script> tags, want 2 (data and code): a name or sentence closed one", n)
	}
	if bytes.Contains(page, []byte(`<b id="pwn">`)) {
		t.Error("a name was written as markup")
	}
	if !bytes.Equal(page, writeHTML(t, g, opt, htmlTable(g))) {
		t.Error("two pages of the same graph differ")
	}
}

// browser returns the path of a Chromium-like browser, or skips.
func browser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (install Debian's chromium package to run the browser test)")
	return ""
}

// browserContext starts headless Chromium (exe) with a window of w×h
// pixels and returns a context for chromedp with a 60 s limit; the
// browser stops when the test ends.
func browserContext(t *testing.T, exe string, w, h int) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.WindowSize(w, h),
		chromedp.Flag("disable-gpu", true))
	actx, cancelA := chromedp.NewExecAllocator(t.Context(), opts...)
	t.Cleanup(cancelA)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(cancelC)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancelT)
	return ctx
}

// TestHTMLInBrowser opens the page in headless Chromium, clicks a
// character and an edge label, searches, and reads what the page shows.
func TestHTMLInBrowser(t *testing.T) {
	exe := browser(t)
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	g := htmlGraph()
	page := writeHTML(t, g, Options{Size: strength(g), SizeBy: "strength"}, htmlTable(g))
	path := filepath.Join(t.TempDir(), "map.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browserContext(t, exe, 1400, 900)

	byID := func(id, sub string) string {
		q := `document.getElementById(` + jsString(id) + `)`
		if sub != "" {
			q += `.querySelector(` + jsString(sub) + `)`
		}
		return q
	}
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("browser: %v", err)
		}
	}
	text := func(css string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
		if err != nil {
			t.Fatalf("browser: reading %s: %v", css, err)
		}
		return s
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("browser: %s: %v", js, err)
		}
		return s
	}

	do(chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
		chromedp.Click(chromedp.JSPath(byID(NodeID("jürgen"), "ellipse"))))
	panel := text("#panel")
	for _, want := range []string{"Jürgen Weiß", "strength", "6", "Strongest ties", "Dr. Achim Kreutzer — 4 interactions (enge Freunde)", `Lukas "der Kleine" — 2 interactions (Onkel\Neffe)`} {
		if !strings.Contains(panel, want) {
			t.Errorf("after a click on Jürgen the panel lacks %q; it shows:\n%s", want, panel)
		}
	}
	rows := text("table.rank tbody")
	for _, want := range []string{`C:\Users\Jürgen\`, `<b id="pwn">Böse</b> & \G`, "Ömer &auml; Co", `Lukas "der Kleine"`} {
		if !strings.Contains(rows, want) {
			t.Errorf("ranking table lacks %q; it shows:\n%s", want, rows)
		}
	}
	if got := eval(`String(document.getElementById("pwn") === null && document.querySelectorAll("#app b").length === 0)`); got != "true" {
		t.Error("a character's name became markup in the page")
	}

	// A click on an edge label shows the evidence.
	do(chromedp.Click(chromedp.JSPath(byID("label-"+EdgeID("achim", "jürgen"), "text:last-child"))))
	panel = text("#panel")
	for _, want := range []string{"Dr. Achim Kreutzer – Jürgen Weiß", "4 interactions", "enge Freunde", `Achim und Jürgen trinken Kaffee, bevor "die Schicht" beginnt.`, "Jürgen ruft Achim an.", "+2 more"} {
		if !strings.Contains(panel, want) {
			t.Errorf("after a click on the edge label the panel lacks %q; it shows:\n%s", want, panel)
		}
	}

	// The markup in a sentence is text; a click on a tie in the panel of
	// Lukas selects that edge.
	do(chromedp.Click(chromedp.JSPath(byID(NodeID("lukas"), "ellipse"))))
	eval(`Array.from(document.querySelectorAll("#panel ol.ties a")).find(a => a.textContent.startsWith("<b")).click(), ""`)
	panel = text("#panel")
	if !strings.Contains(panel, `Lukas ruft "<script>alert(1)</script>" \N.`) || !strings.Contains(panel, "+3 more") {
		t.Errorf("evidence with markup not shown as text; panel:\n%s", panel)
	}
	if got := eval(`String(document.querySelectorAll("#panel script").length) + "|" + document.getElementById("panel").dataset.selected`); got != "0|edge:lukas\x00pwn" {
		t.Errorf("after a click on the tie: %q, want no script and the lukas–pwn edge selected", got)
	}

	// Search highlights matches, ignoring case and accents.
	do(chromedp.SendKeys(chromedp.CSS("#search"), "OMER"))
	if hits := eval(`Array.from(document.querySelectorAll("g.node.hit")).map(g => g.id).join("|")`); hits != NodeID("ömer & co") {
		t.Errorf("search OMER highlighted %q, want %q", hits, NodeID("ömer & co"))
	}

	// A big map (60 characters) sets names under the circles, lifted
	// above the drawing: a click on a name selects its character, search
	// highlights the name too, and a hostile name stays text.
	big := genGraph(60, 3, 1)
	hostile := `<b id="pwn2">Ärger</b> & "Q" \G`
	big.Nodes[0].Name = hostile
	size := strength(big)
	size[big.Nodes[0].ID] = 1e6 // the most prominent: named
	bigPage := writeHTML(t, big, Options{Size: size, SizeBy: "strength"}, htmlTable(big))
	bigPath := filepath.Join(t.TempDir(), "big.html")
	if err := os.WriteFile(bigPath, bigPage, 0o644); err != nil {
		t.Fatal(err)
	}
	id := big.Nodes[0].ID
	do(chromedp.Navigate("file://"+bigPath), chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
		chromedp.Click(chromedp.JSPath(byID("name-"+NodeID(id), "text:last-child"))))
	if panel := text("#panel h2"); !strings.Contains(panel, hostile) {
		t.Errorf("after a click on the name of %s the panel heading is %q", id, panel)
	}
	// Its lines without their white halos, joined: the name as typed.
	if got := eval(`Array.from(document.getElementById("name-` + NodeID(id) + `").querySelectorAll("text")).filter(x => x.getAttribute("fill") !== "white").map(x => x.textContent).join(" ")`); got != hostile {
		t.Errorf("the lifted name reads %q, want %q", got, hostile)
	}
	if got := eval(`String(document.getElementById("pwn2") === null)`); got != "true" {
		t.Error("a name under its circle became markup")
	}
	do(chromedp.SendKeys(chromedp.CSS("#search"), "arger"))
	if hits := eval(`Array.from(document.querySelectorAll("g.hit")).map(g => g.id).join("|")`); hits != NodeID(id)+"|name-"+NodeID(id) {
		t.Errorf("search arger highlighted %q", hits)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
