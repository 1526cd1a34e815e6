"""Workspace scanning: file discovery and the parallel runner."""
