package quiz

import "unicode"

// foldRune maps a lower-case letter with a diacritic to its base letter, so
// that typed answers match with or without accents. It covers the Latin
// letters of Western, Central and Eastern European languages, Vietnamese's
// common vowels, and Greek and Cyrillic letters with accents.
var foldRune = map[rune]rune{}

func init() {
	for base, letters := range map[rune]string{
		'a': "àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ",
		'c': "çćĉċč",
		'd': "ďđ",
		'e': "èéêëēĕėęěȅȇȩẹẻẽếềểễệ",
		'g': "ĝğġģǧǵ",
		'h': "ĥħ",
		'i': "ìíîïĩīĭįıǐȉȋỉị",
		'j': "ĵǰ",
		'k': "ķǩ",
		'l': "ĺļľŀł",
		'n': "ñńņňŉǹ",
		'o': "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợ",
		'r': "ŕŗřȑȓ",
		's': "śŝşšșß",
		't': "ţťŧț",
		'u': "ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự",
		'w': "ŵẁẃẅ",
		'y': "ýÿŷỳỵỷỹ",
		'z': "źżžƶ",
		'α': "ά", 'ε': "έ", 'η': "ή", 'ι': "ίϊΐ", 'ο': "ό", 'υ': "ύϋΰ", 'ω': "ώ",
		'е': "ё", 'и': "й", 'і': "ї", 'у': "ў",
	} {
		for _, r := range letters {
			foldRune[r] = base
		}
	}
	// Ligatures fold to one letter so that the answer keeps its length in
	// words; "æ" reads as "ae" in most languages, but "a" is close enough
	// for matching and never joins two words.
	foldRune['æ'] = 'a'
	foldRune['œ'] = 'o'
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isMark reports a combining mark, as left by decomposed text ("e" followed
// by U+0301); dropping it is how decomposed diacritics are folded.
func isMark(r rune) bool { return unicode.Is(unicode.Mn, r) }
