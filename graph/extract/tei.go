package extract

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// Play is what ExtractTEI reads from a DraCor TEI file.
type Play struct {
	// Title is the first <title> of the teiHeader, whitespace collapsed.
	Title string
	// Persons are the <person> and <personGrp> entries of the particDesc,
	// in document order.
	Persons []Person
	// Units are the <div> elements of the <body> that have <sp> children,
	// in the order of their opening tags.
	Units []PlayUnit
	// Unattributed counts the <sp> elements without a who attribute (or
	// with an empty one); they are left out of every unit.
	Unattributed int
	// UnattributedLines are the lines of the first few of them.
	UnattributedLines []int
	// Labels are the speaker labels printed for each character, keyed by
	// who id: the text of the <speaker> of each <sp> with exactly one who
	// id, whitespace collapsed, trailing "." ":" "," ";" removed, in order
	// of first appearance, each once. Speeches of several characters
	// ("Beide.", "Alle.") give no label.
	Labels map[string][]string
}

// Person is a character of the particDesc.
type Person struct {
	ID   string // xml:id
	Name string // the first persName (or name), whitespace collapsed; ID when absent
	Sex  string // the sex attribute: MALE, FEMALE, UNKNOWN, …
}

// PlayUnit is a <div> with <sp> children.
type PlayUnit struct {
	// Head is the <head> of the div, whitespace collapsed ("" if none).
	Head string
	// Speakers are the ids of the who attributes of its <sp> children
	// ("#a #b" is two speakers), without "#", in order of first speech.
	Speakers []string
	// Speeches counts the <sp> of each speaker in the div, keyed by id.
	Speeches map[string]int
	// Line is the line of the div's opening tag.
	Line int
}

// ParseTEI reads a TEI document (encoding/xml). A document whose root
// element is not <TEI> is an error naming the element found; so is XML
// that does not parse (with the line). name is used in messages.
//
// The unit rule is DraCor's ("segments"): a unit is any <div> inside
// <body> with <sp> children; a speech belongs to its parent <div>. The
// characters of a speech are the ids of its who attribute; an <sp>
// without who speaks for nobody and is counted in Unattributed.
func ParseTEI(name string, data []byte) (*Play, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "utf-8") {
			return r, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q (want UTF-8)", charset)
	}
	p := &Play{Labels: map[string][]string{}}
	type frame struct {
		name string
		unit int // index into p.Units for a div, -1 if it has no speech yet; -2 for other elements
		line int
		head string // the div's head
	}
	var stack []frame
	var text *strings.Builder // collects the text of the current head, persName or title
	var textEnd string        // the element whose end stops collecting
	var person *Person
	var spWho []string // the who ids of the open <sp>
	inBody, inHeader, rootSeen := 0, 0, false
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("%s:%d: invalid XML: %s", name, se.Line, se.Msg)
			}
			return nil, fmt.Errorf("%s:%d: invalid XML: %v", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := t.Name.Local
			if !rootSeen {
				rootSeen = true
				if local != "TEI" {
					return nil, fmt.Errorf("%s:%d: not a TEI document: the root element is <%s>, want <TEI> (a DraCor TEI play)", name, line, local)
				}
			}
			f := frame{name: local, unit: -2, line: line}
			switch local {
			case "teiHeader":
				inHeader++
			case "body":
				inBody++
			case "div":
				if inBody > 0 {
					f.unit = -1
				}
			case "person", "personGrp":
				if inHeader > 0 {
					p.Persons = append(p.Persons, Person{ID: attr(t, "id"), Sex: attr(t, "sex")})
					person = &p.Persons[len(p.Persons)-1]
				}
			case "persName", "name":
				if person != nil && person.Name == "" && text == nil {
					text, textEnd = &strings.Builder{}, local
				}
			case "speaker":
				if n := len(stack); n > 0 && stack[n-1].name == "sp" && len(spWho) == 1 && text == nil {
					text, textEnd = &strings.Builder{}, "speaker"
				}
			case "title":
				if inHeader > 0 && p.Title == "" && text == nil {
					text, textEnd = &strings.Builder{}, local
				}
			case "head":
				if n := len(stack); n > 0 && stack[n-1].name == "div" && stack[n-1].unit != -2 && text == nil {
					text, textEnd = &strings.Builder{}, "head"
				}
			case "sp":
				n := len(stack)
				if n == 0 || stack[n-1].name != "div" || stack[n-1].unit == -2 {
					break
				}
				div := &stack[n-1]
				if div.unit < 0 {
					div.unit = len(p.Units)
					p.Units = append(p.Units, PlayUnit{Head: div.head, Speeches: map[string]int{}, Line: div.line})
				}
				u := &p.Units[div.unit]
				who := strings.Fields(attr(t, "who"))
				spWho = who
				if len(who) == 0 {
					p.Unattributed++
					if len(p.UnattributedLines) < 10 {
						p.UnattributedLines = append(p.UnattributedLines, line)
					}
				}
				for _, w := range who {
					w = strings.TrimPrefix(w, "#")
					if w == "" {
						continue
					}
					if u.Speeches[w] == 0 {
						u.Speakers = append(u.Speakers, w)
					}
					u.Speeches[w]++
				}
			}
			stack = append(stack, f)
		case xml.EndElement:
			local := t.Name.Local
			if text != nil && local == textEnd {
				s := strings.Join(strings.Fields(text.String()), " ")
				switch local {
				case "head":
					for i := len(stack) - 2; i >= 0; i-- {
						if stack[i].name == "div" {
							if stack[i].head == "" {
								stack[i].head = s
							}
							if u := stack[i].unit; u >= 0 && p.Units[u].Head == "" {
								p.Units[u].Head = s
							}
							break
						}
					}
				case "title":
					p.Title = s
				case "speaker":
					id := strings.TrimPrefix(spWho[0], "#")
					if l := strings.TrimRight(s, ".:,; "); l != "" && id != "" && !slices.Contains(p.Labels[id], l) {
						p.Labels[id] = append(p.Labels[id], l)
					}
				default:
					if person != nil {
						person.Name = s
					}
				}
				text = nil
			}
			switch local {
			case "teiHeader":
				inHeader--
			case "body":
				inBody--
			case "person", "personGrp":
				person = nil
			case "sp":
				spWho = nil
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		}
	}
	if !rootSeen {
		return nil, fmt.Errorf("%s: not a TEI document: no root element, want <TEI>", name)
	}
	for i := range p.Persons {
		if p.Persons[i].Name == "" {
			p.Persons[i].Name = p.Persons[i].ID
		}
	}
	return p, nil
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// ExtractTEI builds the co-presence network of a DraCor TEI play: the
// characters are the speakers (the who ids of <sp>), a unit is a <div> of
// the body with <sp> children, and an edge's weight is the number of units
// in which both speak — DraCor's definition, which the reference networks
// of ../shared/data/gerdracor follow. A character's Mentions is its number
// of speeches.
//
// Without opt.Roster the characters come from the TEI particDesc (id =
// xml:id, name = persName, gender from sex: MALE m, FEMALE f). With a
// roster, who ids are roster character ids; an id the roster lacks is left
// out with a warning. <sp> without who are left out with a warning (four
// in Büchner's Woyzeck, whose speaker is printed as "[??]."). The
// evidence text of a unit is its head and the names of its speakers
// ("Erster Auftritt: Emilia, Claudia"); the mention spans are the two
// characters' names in it. Episode.Unit is "tei"; Title defaults to the
// TEI title.
func ExtractTEI(name string, data []byte, opt Options) (*graph.Graph, []string, error) {
	play, err := ParseTEI(name, data)
	if err != nil {
		return nil, nil, err
	}
	return ExtractPlay(play, opt)
}

// ExtractPlay is ExtractTEI for a play already parsed (and perhaps merged
// with MergeLabels). Only Roster, MaxEvidence and Episode of opt are read;
// the error is always nil today and is kept for future checks.
func ExtractPlay(play *Play, opt Options) (*graph.Graph, []string, error) {
	var warnings []string
	type char struct {
		name, gender string
		attrs        map[string]any
	}
	chars := map[string]char{}
	r := opt.Roster
	if r == nil {
		if len(play.Persons) == 0 {
			warnings = append(warnings, "no particDesc persons and no roster: characters are named by their who ids")
		}
		for _, ps := range play.Persons {
			g := map[string]string{"MALE": "m", "FEMALE": "f"}[ps.Sex]
			chars[ps.ID] = char{name: ps.Name, gender: g}
		}
	} else {
		for _, c := range r.Characters {
			chars[c.ID] = char{name: c.Name, gender: c.Gender, attrs: c.Attributes}
		}
	}
	if play.Unattributed > 0 {
		warnings = append(warnings, fmt.Sprintf("%d <sp> without a who attribute (lines %s) are attributed to nobody", play.Unattributed, joinInts(play.UnattributedLines)))
	}
	maxEv := opt.MaxEvidence
	if maxEv == 0 {
		maxEv = DefaultMaxEvidence
	}
	g := &graph.Graph{Episode: opt.Episode, Nodes: []graph.Node{}, Edges: []graph.Edge{}}
	g.Episode.Unit, g.Episode.Units = "tei", len(play.Units)
	if g.Episode.Title == "" {
		g.Episode.Title = play.Title
	}
	speeches := map[string]int{}
	unknown := map[string]bool{}
	type acc struct {
		units    []int
		evidence []graph.Evidence
	}
	edges := map[[2]string]*acc{}
	for ui, u := range play.Units {
		var present []string
		for _, id := range u.Speakers {
			if _, ok := chars[id]; !ok {
				if r != nil || len(play.Persons) > 0 {
					unknown[id] = true
					continue
				}
				chars[id] = char{name: id}
			}
			speeches[id] += u.Speeches[id]
			present = append(present, id)
		}
		// Evidence text: "head: name, name, …" with the names' spans.
		var sb strings.Builder
		head := cmp.Or(u.Head, fmt.Sprintf("div %d", ui+1))
		sb.WriteString(head)
		sb.WriteString(": ")
		spans := map[string]graph.Mention{}
		cp := utf8.RuneCountInString(head) + 2
		for k, id := range present {
			if k > 0 {
				sb.WriteString(", ")
				cp += 2
			}
			n := chars[id].name
			sb.WriteString(n)
			spans[id] = graph.Mention{Start: cp, End: cp + utf8.RuneCountInString(n)}
			cp += utf8.RuneCountInString(n)
		}
		text := sb.String()
		sorted := slices.Clone(present)
		slices.Sort(sorted)
		for i, a := range sorted {
			for _, b := range sorted[i+1:] {
				e := edges[[2]string{a, b}]
				if e == nil {
					e = &acc{}
					edges[[2]string{a, b}] = e
				}
				e.units = append(e.units, ui+1)
				if maxEv > 0 && len(e.evidence) < maxEv {
					ms := []graph.Mention{spans[a], spans[b]}
					if ms[0].Start > ms[1].Start {
						ms[0], ms[1] = ms[1], ms[0]
					}
					e.evidence = append(e.evidence, graph.Evidence{Unit: ui + 1, Text: text, Mentions: ms})
				}
			}
		}
	}
	if len(unknown) > 0 {
		ids := make([]string, 0, len(unknown))
		for id := range unknown {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		src := "the particDesc"
		if r != nil {
			src = "the roster"
		}
		warnings = append(warnings, fmt.Sprintf("speakers not in %s are left out: %s", src, strings.Join(ids, ", ")))
	}
	for id, n := range speeches {
		c := chars[id]
		node := graph.Node{ID: id, Name: c.name, Mentions: n}
		if len(c.attrs) > 0 || c.gender != "" {
			node.Attributes = map[string]any{}
			for k, v := range c.attrs {
				node.Attributes[k] = deepCopy(v)
			}
			if c.gender != "" {
				node.Attributes["gender"] = c.gender
			}
		}
		g.Nodes = append(g.Nodes, node)
	}
	for k, e := range edges {
		ed := graph.Edge{Source: k[0], Target: k[1], Weight: float64(len(e.units)), Units: e.units, Evidence: e.evidence}
		if r != nil {
			ed.Relation, _ = r.Relation(k[0], k[1])
		}
		g.Edges = append(g.Edges, ed)
	}
	if len(g.Nodes) == 0 {
		warnings = append(warnings, "empty graph: no <div> of the body has an attributed <sp>")
	}
	g.Canonicalize()
	slices.Sort(warnings)
	return g, warnings, nil
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}

// MergeLabels merges the characters of p that print identically: two who
// ids with a speaker label in common (Labels) become one character, and so,
// transitively, do all ids linked by shared labels. DraCor tells apart
// characters whose speeches are printed under the same label — five
// "Kammerdiener" in Schiller's Kabale und Liebe, nine "Stimme" in Goethe's
// Faust, "Andre" for two in Büchner's Woyzeck — by ids that are not in the
// printed text; a text as it reads in print, with its cast as roster, can
// at best reach the network in which they are one. ExtractPlay of the
// merged play is that network, the gold to measure such an extraction
// against.
//
// Each group takes the id of its first member, in particDesc order (who ids
// missing from the particDesc follow in order of first speech), and the
// shared label as name; Sex is kept when all members agree and is empty
// otherwise. Persons, Units (speakers and speech counts) and Labels are
// rewritten; a character that shares no label keeps its entry. The result
// maps every merged id to its group's id (ids that keep their own are
// left out); it is empty when no label is shared.
func (p *Play) MergeLabels() map[string]string {
	var order []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			order = append(order, id)
		}
	}
	for _, ps := range p.Persons {
		add(ps.ID)
	}
	for _, u := range p.Units {
		for _, id := range u.Speakers {
			add(id)
		}
	}
	rank := make(map[string]int, len(order))
	for i, id := range order {
		rank[id] = i
	}
	parent := make(map[string]string, len(order))
	var find func(string) string
	find = func(id string) string {
		q, ok := parent[id]
		if !ok || q == id {
			return id
		}
		r := find(q)
		parent[id] = r
		return r
	}
	name := map[string]string{}  // group root -> shared label
	owner := map[string]string{} // label -> first id printed with it
	for _, id := range order {
		for _, l := range p.Labels[id] {
			o, ok := owner[l]
			if !ok {
				owner[l] = id
				continue
			}
			a, b := find(o), find(id)
			if a == b {
				continue
			}
			if rank[b] < rank[a] {
				a, b = b, a
			}
			parent[b] = a
			if name[a] == "" {
				name[a] = cmp.Or(name[b], l)
			}
			delete(name, b)
		}
	}
	merged := map[string]string{}
	for _, id := range order {
		if r := find(id); r != id {
			merged[id] = r
		}
	}
	if len(merged) == 0 {
		return merged
	}
	to := func(id string) string { return cmp.Or(merged[id], id) }

	var persons []Person
	at := map[string]int{} // group id -> index in persons
	for _, ps := range p.Persons {
		g := to(ps.ID)
		if i, ok := at[g]; ok {
			if persons[i].Sex != ps.Sex {
				persons[i].Sex = ""
			}
			continue
		}
		at[g] = len(persons)
		if n := name[g]; n != "" {
			ps.ID, ps.Name = g, n
		}
		persons = append(persons, ps)
	}
	p.Persons = persons

	for i := range p.Units {
		u := &p.Units[i]
		speakers := make([]string, 0, len(u.Speakers))
		speeches := make(map[string]int, len(u.Speeches))
		for _, id := range u.Speakers {
			g := to(id)
			if _, ok := speeches[g]; !ok {
				speakers = append(speakers, g)
			}
			speeches[g] += u.Speeches[id]
		}
		u.Speakers, u.Speeches = speakers, speeches
	}

	labels := make(map[string][]string, len(p.Labels))
	for _, id := range order {
		g := to(id)
		for _, l := range p.Labels[id] {
			if !slices.Contains(labels[g], l) {
				labels[g] = append(labels[g], l)
			}
		}
	}
	p.Labels = labels
	return merged
}
