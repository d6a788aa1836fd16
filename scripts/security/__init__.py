"""Security: contributed text never runs in a reader's browser (the sanitizer's allow-list)."""
