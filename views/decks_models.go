package views

// DeckImportPage is the form a learner imports an Anki deck with, into
// their own study.
type DeckImportPage struct {
	Page
	MaxMB int
	// History is whether the review history is to be brought (the box
	// is ticked).
	History bool
	// Error and Problems say why the last file was refused.
	Error    string
	Problems []FileProblem
}

// DeckPage is a learner's own deck: what it holds and came with, and the
// ways to study or delete it.
type DeckPage struct {
	Page
	Set SetCard
	// Cards counts the deck's flashcards.
	Cards int
	// Warnings are what the import left out of the package.
	Warnings []FileProblem
}
