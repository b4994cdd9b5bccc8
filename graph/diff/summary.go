package diff

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the summary, so that it stays a short paragraph.
const (
	summaryNames = 5 // characters named in a list of entrants or leavers
	summaryMoves = 3 // rank changes of kept characters
	summaryTies  = 3 // changed ties between kept characters
)

// summarize writes Result.Summary: a short English paragraph built by fixed
// rules, so the same result always gives the same words.
//
//  1. Both graphs empty: "Both graphs are empty." No change at all: "Nothing
//     changes: the same characters with the same ties."
//  2. No character in common (and both non-empty): "The two graphs share no
//     character: … leave and … enter."
//  3. Otherwise the entrants, best rank in B first ("Mara enters and becomes
//     the third most central character." — said for ranks 1–3 by
//     strength, "the joint third …" when others share that rank), then the
//     leavers.
//  4. The rank changes of kept characters, largest first (at most three
//     phrases; equal changes by rank in B, then in A, then id; characters
//     making the same move, from the same rank to the same rank, share one
//     phrase: "B, C and D rise from joint second to joint first place"). Ranks are RankRow's shared
//     (competition) ranks, so a character whose shared rank stayed did not
//     move, however a tie was ordered; a shared rank reads "joint second
//     place".
//  5. The changes of ties between kept characters, largest absolute weight
//     change first (at most three): "the tie between Anna and Ben weakens
//     from 4 to 1", "… strengthens …", "Anna and Ben no longer interact (was
//     3)", "a new tie joins Anna and Ben (2)".
//
// Characters are named by display name; lists of more than five names end
// "and N others".
func summarize(r *Result, names map[string]string) string {
	var s []string
	name := func(id string) string { return names[id] }
	rankB := map[string]int{}
	sharedA, sharedB := map[int]int{}, map[int]int{} // characters per rank
	for _, row := range r.Ranks {
		if row.RankA != nil {
			sharedA[*row.RankA]++
		}
		if row.RankB != nil {
			rankB[row.ID] = *row.RankB
			sharedB[*row.RankB]++
		}
	}
	// place words a rank, "joint second" when characters share it.
	place := func(shared map[int]int, k int) string {
		if tied(shared, k) {
			return "joint " + ordinal(k)
		}
		return ordinal(k)
	}
	added := slices.Clone(r.Nodes.Added)
	slices.SortStableFunc(added, func(x, y string) int { return cmp.Compare(rankB[x], rankB[y]) })

	switch {
	case r.A.Nodes == 0 && r.B.Nodes == 0:
		return "Both graphs are empty."
	case len(r.Nodes.Added) == 0 && len(r.Nodes.Removed) == 0 && len(r.Edges.Added) == 0 &&
		len(r.Edges.Removed) == 0 && len(r.Edges.Changed) == 0:
		return "Nothing changes: the same characters with the same ties."
	case len(r.Nodes.Kept) == 0 && r.A.Nodes > 0 && r.B.Nodes > 0:
		return fmt.Sprintf("The two graphs share no character: %s %s, %s %s.",
			nameList(r.Nodes.Removed, name), verb(len(r.Nodes.Removed), "leaves", "leave"),
			nameList(added, name), verb(len(added), "enters", "enter"))
	}

	switch len(added) {
	case 0:
	case 1:
		id := added[0]
		if rk := rankB[id]; rk <= 3 {
			s = append(s, fmt.Sprintf("%s enters and becomes the %s character.", name(id), central(sharedB, rk)))
		} else {
			s = append(s, fmt.Sprintf("%s enters.", name(id)))
		}
	default:
		line := fmt.Sprintf("%s characters enter: %s", countWord(len(added)), nameList(added, name))
		if rk := rankB[added[0]]; rk <= 3 {
			line += fmt.Sprintf("; %s becomes the %s character", name(added[0]), central(sharedB, rk))
		}
		s = append(s, line+".")
	}
	if n := len(r.Nodes.Removed); n > 0 {
		s = append(s, fmt.Sprintf("%s %s.", nameList(r.Nodes.Removed, name), verb(n, "leaves", "leave")))
	}

	// Rank changes of kept characters.
	var moves []RankRow
	for _, row := range r.Ranks {
		if row.Delta != nil && *row.Delta != 0 {
			moves = append(moves, row)
		}
	}
	slices.SortStableFunc(moves, func(x, y RankRow) int {
		return cmp.Or(cmp.Compare(abs(*y.Delta), abs(*x.Delta)), cmp.Compare(*x.RankB, *y.RankB), cmp.Compare(*x.RankA, *y.RankA))
	})
	// Characters that make the same move (same rank in A and in B: they
	// shared a rank and still do) are told together, in id order.
	var parts []string
	for i := 0; i < len(moves) && len(parts) < summaryMoves; {
		m := moves[i]
		ids := []string{m.ID}
		for i++; i < len(moves) && *moves[i].RankA == *m.RankA && *moves[i].RankB == *m.RankB; i++ {
			ids = append(ids, moves[i].ID)
		}
		v := verb(len(ids), "rises", "rise")
		if *m.Delta > 0 {
			v = verb(len(ids), "falls", "fall")
		}
		parts = append(parts, fmt.Sprintf("%s %s from %s to %s place", nameList(ids, name), v, place(sharedA, *m.RankA), place(sharedB, *m.RankB)))
	}
	if len(parts) > 0 {
		// The sentence starts with a name: names are written as they are
		// ("van Helsing", "d'Artagnan"), never capitalised.
		s = append(s, strings.Join(parts, "; ")+".")
	}

	// Ties between kept characters.
	kept := make(map[string]bool, len(r.Nodes.Kept))
	for _, id := range r.Nodes.Kept {
		kept[id] = true
	}
	type tie struct {
		s, t   string
		delta  float64
		phrase string
	}
	var ties []tie
	for _, e := range r.Edges.Changed {
		v := "strengthens"
		if e.Delta < 0 {
			v = "weakens"
		}
		ties = append(ties, tie{e.Source, e.Target, e.Delta, fmt.Sprintf("the tie between %s and %s %s from %s to %s", name(e.Source), name(e.Target), v, amount(e.WeightA), amount(e.WeightB))})
	}
	for _, e := range r.Edges.Removed {
		if kept[e.Source] && kept[e.Target] {
			ties = append(ties, tie{e.Source, e.Target, -e.Weight, fmt.Sprintf("%s and %s no longer interact (was %s)", name(e.Source), name(e.Target), amount(e.Weight))})
		}
	}
	for _, e := range r.Edges.Added {
		if kept[e.Source] && kept[e.Target] {
			ties = append(ties, tie{e.Source, e.Target, e.Weight, fmt.Sprintf("a new tie joins %s and %s (%s)", name(e.Source), name(e.Target), amount(e.Weight))})
		}
	}
	slices.SortStableFunc(ties, func(x, y tie) int {
		return cmp.Or(cmp.Compare(math.Abs(y.delta), math.Abs(x.delta)), cmp.Compare(x.s, y.s), cmp.Compare(x.t, y.t))
	})
	parts = parts[:0]
	for _, t := range ties[:min(len(ties), summaryTies)] {
		parts = append(parts, t.phrase)
	}
	if len(parts) > 0 {
		s = append(s, capitalizeTemplate(strings.Join(parts, "; "))+".")
	}
	if len(s) == 0 {
		// Only ties involving entrants or leavers changed; those are told by
		// the entrances and exits, but say something.
		s = append(s, "The same characters stay; only ties of characters who enter or leave change.")
	}
	return strings.Join(s, " ")
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// nameList joins names as "A", "A and B", "A, B and C", or "A, B, C, D, E
// and 3 others" beyond summaryNames.
func nameList(ids []string, name func(string) string) string {
	ns := make([]string, 0, min(len(ids), summaryNames))
	for _, id := range ids[:min(len(ids), summaryNames)] {
		ns = append(ns, name(id))
	}
	if rest := len(ids) - len(ns); rest > 0 {
		return strings.Join(ns, ", ") + " and " + strconv.Itoa(rest) + " " + verb(rest, "other", "others")
	}
	if len(ns) <= 1 {
		return strings.Join(ns, "")
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

var ordinals = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ordinal spells 1..10 as words ("third") and higher numbers as "11th",
// "22nd", "113th".
func ordinal(n int) string {
	if n >= 1 && n < len(ordinals) {
		return ordinals[n]
	}
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// central phrases rank k by strength: "most central", "second most
// central", …, with "joint" before it when several characters share rank k
// (shared counts the characters of each rank).
func central(shared map[int]int, k int) string {
	s := ordinal(k) + " most central"
	if k == 1 {
		s = "most central"
	}
	if tied(shared, k) {
		return "joint " + s
	}
	return s
}

var countWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

func countWord(n int) string {
	if n < len(countWords) {
		return capitalize(countWords[n])
	}
	return strconv.Itoa(n)
}

// amount prints a weight: whole numbers without decimals, others to three
// significant digits (0.0714, 2.5).
func amount(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	digits := 2 - int(math.Floor(math.Log10(math.Abs(v))))
	p := math.Pow(10, float64(digits))
	return strconv.FormatFloat(math.Round(v*p)/p, 'f', -1, 64)
}

// capitalizeTemplate capitalises a sentence that starts with one of the
// summary's own words ("the tie …", "a new tie …") and leaves one that
// starts with a character's name as it is.
func capitalizeTemplate(s string) string {
	if strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "a ") {
		return capitalize(s)
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
