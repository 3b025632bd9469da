"""Page text to clean sentences with spans: characters normalized, page furniture dropped by
named rules, sentences and words segmented; and the word lists every stage reads (lexicon)."""
