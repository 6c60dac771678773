"""Step-for-step ports of third-party scorers, checked against the originals by tests:
VADER's ``polarity_scores`` (:mod:`.vader`), TextBlob's pattern tokenizer
(:mod:`.pattern_tokens`) and its sentiment walk (:mod:`.pattern_score`)."""
