"""Output formats for scan results: text, json (versioned) and SARIF 2.1.0."""
