#!/usr/bin/env python3
"""Kept for old commands: `iac_score.py --area dockerfile --area kubernetes --area terraform`."""
import sys

from iac_score import main

if __name__ == "__main__":
    sys.exit(main(["--area", "dockerfile", "--area", "kubernetes", "--area", "terraform", *sys.argv[1:]]))
