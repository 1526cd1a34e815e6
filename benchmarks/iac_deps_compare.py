#!/usr/bin/env python3
"""Kept for old commands: `iac_score.py --area dependencies` (see iac_score.py)."""
import sys

from iac_score import main

if __name__ == "__main__":
    sys.exit(main(["--area", "dependencies", *sys.argv[1:]]))
