"""The language server: a pygls adapter around the engine (no analysis logic here)."""
