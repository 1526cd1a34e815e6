"""CLI sub-commands that need more than a few lines."""
