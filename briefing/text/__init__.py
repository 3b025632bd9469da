"""Page text to clean sentences with spans: cleaning rules, sentence and word segmentation."""
