"""Vietnamese text intelligence: classification, redaction, similarity."""
