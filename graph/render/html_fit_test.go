package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestHTMLTableFitsInBrowser opens a page of 187 characters ranked by the
// seven default measures of relgraph rank (as asoiaf book 1) in headless
// Chromium at 1400×1000 and checks that the ranking table fits its panel
// (no column cut off or behind a scrollbar), that the panel of a character
// shows its measures and community but no "mentions" when the graph has no
// mention counts, and that deleting the search text clears the "N found"
// counter.
func TestHTMLTableFitsInBrowser(t *testing.T) {
	exe := browser(t)
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	g := genGraph(187, 3, 1)
	comm := map[string]int{}
	for i := range g.Nodes {
		g.Nodes[i].Mentions = 0
		g.Nodes[i].Name += " of the Long Name" // "Dr. Anna Berg of the Long Name"
		comm[g.Nodes[i].ID] = 1 + i%7
	}
	// The measures of relgraph rank (centrality.AllMeasures), with values
	// as long as book 1's when printed (up to "0.00001234").
	tab := Table{By: "strength", Measures: []string{"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"}}
	s := strength(g)
	for i, n := range g.Nodes {
		f := float64(i + 1)
		tab.Rows = append(tab.Rows, TableRow{Rank: i + 1, ID: n.ID,
			Values: []float64{f, s[n.ID] * 101, 0.1234 / f, 0.3456 + f/1e4, 0.4567 + f/1e4, 0.001234 / f, 0.01234 / f}})
	}
	page := writeHTML(t, g, Options{Size: s, SizeBy: "strength", Communities: comm, ColorBy: ColorCommunity}, tab)
	path := filepath.Join(t.TempDir(), "book.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browserContext(t, exe, 1400, 1000)
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("browser: %v", err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("browser: %s: %v", js, err)
		}
		return s
	}
	do(chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)))

	// Every header cell lies inside the panel, and the panel does not
	// scroll sideways.
	fit := eval(`(function () {
		var a = document.querySelector("aside"), r = a.getBoundingClientRect(), out = [];
		document.querySelectorAll("table.rank th").forEach(function (th) {
			var b = th.getBoundingClientRect();
			if (b.right > r.right - (a.offsetWidth - a.clientWidth) + 0.5 || b.left < r.left) out.push(th.title || th.textContent);
		});
		return "window " + window.innerWidth + ", panel " + Math.round(r.width) + ", scroll " + a.scrollWidth + "/" + a.clientWidth + ", cut: " + out.join(",");
	})()`)
	if !strings.HasSuffix(fit, "cut: ") || !strings.Contains(fit, "window 1400") {
		t.Errorf("ranking table does not fit: %s", fit)
	}
	var sw, cw int
	if _, err := fmt.Sscanf(fit[strings.Index(fit, "scroll ")+7:], "%d/%d", &sw, &cw); err != nil || sw > cw {
		t.Errorf("side panel scrolls sideways: %s", fit)
	}

	// A click on a row: measures and community, no mentions.
	eval(`document.querySelector("table.rank tbody tr").click(), ""`)
	panel := eval(`document.getElementById("panel").innerText`)
	for _, want := range []string{"rank\n1 of 187 by strength", "community", "betweenness", "pagerank\n0.01234"} {
		if !strings.Contains(panel, want) {
			t.Errorf("panel lacks %q; it shows:\n%s", want, panel)
		}
	}
	if strings.Contains(panel, "mentions") {
		t.Errorf("panel shows mentions for a graph without mention counts:\n%s", panel)
	}

	// The search counter goes with the search text.
	do(chromedp.SendKeys(chromedp.CSS("#search"), "Anna"))
	if got := eval(`document.getElementById("hits").textContent`); !strings.HasSuffix(got, " found") {
		t.Errorf("after a search the counter reads %q", got)
	}
	got := eval(`(function () { var s = document.getElementById("search"); s.value = ""; s.dispatchEvent(new Event("input")); return document.getElementById("hits").textContent + "|" + document.getElementById("map").classList.contains("searching"); })()`)
	if got != "|false" {
		t.Errorf("after deleting the search text: counter and searching %q, want \"|false\"", got)
	}

	// The split between map and panel can be dragged wider.
	w0 := eval(`String(Math.round(document.querySelector("aside").getBoundingClientRect().width))`)
	eval(`(function () { var s = document.getElementById("split"); s.focus(); s.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowLeft", bubbles: true})); return ""; })()`)
	if w1 := eval(`String(Math.round(document.querySelector("aside").getBoundingClientRect().width))`); w1 == w0 {
		t.Errorf("the panel stays %s px wide after ArrowLeft on the split", w0)
	}
}
